-- Warehouse inventory schema (MySQL), written for the sqlshift quick start.
-- Exercises version comments, AUTO_INCREMENT, UNSIGNED, ENUM, TINYINT(1),
-- ON UPDATE CURRENT_TIMESTAMP, inline keys, FULLTEXT, table options,
-- DELIMITER blocks with a trigger, and views.
/*!40101 SET NAMES utf8mb4 */;
SET FOREIGN_KEY_CHECKS = 0;

CREATE TABLE `warehouse` (
  `warehouse_id` SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `code` CHAR(4) NOT NULL,
  `name` VARCHAR(100) NOT NULL,
  `city` VARCHAR(60) DEFAULT NULL,
  `is_active` TINYINT(1) NOT NULL DEFAULT 1,
  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`warehouse_id`),
  UNIQUE KEY `uq_warehouse_code` (`code`)
) ENGINE=InnoDB AUTO_INCREMENT=1 DEFAULT CHARSET=utf8mb4 COMMENT='Physical sites that hold stock';

CREATE TABLE `product` (
  `product_id` INT UNSIGNED NOT NULL AUTO_INCREMENT,
  `sku` VARCHAR(20) NOT NULL,
  `description` TEXT,
  `unit_price` DECIMAL(12,2) NOT NULL,
  `kind` ENUM('raw','part','finished') NOT NULL DEFAULT 'part',
  `weight_kg` DECIMAL(9,3) DEFAULT NULL,
  `last_update` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`product_id`),
  KEY `idx_product_sku` (`sku`),
  FULLTEXT KEY `ft_product_description` (`description`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `stock_level` (
  `warehouse_id` SMALLINT UNSIGNED NOT NULL,
  `product_id` INT UNSIGNED NOT NULL,
  `quantity` INT NOT NULL DEFAULT 0,
  `reorder_point` SMALLINT DEFAULT NULL,
  `last_counted` DATETIME DEFAULT NULL,
  PRIMARY KEY (`warehouse_id`, `product_id`),
  KEY `idx_stock_product` (`product_id`),
  CONSTRAINT `fk_stock_warehouse` FOREIGN KEY (`warehouse_id`) REFERENCES `warehouse` (`warehouse_id`) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT `fk_stock_product` FOREIGN KEY (`product_id`) REFERENCES `product` (`product_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE VIEW `low_stock` AS
SELECT w.`code` AS warehouse_code, p.`sku`, s.`quantity`,
       IF(s.`quantity` = 0, 'empty', 'low') AS status,
       IFNULL(s.`reorder_point`, 10) AS reorder_point,
       DATEDIFF(NOW(), s.`last_counted`) AS days_since_count
FROM `stock_level` s
JOIN `warehouse` w ON w.`warehouse_id` = s.`warehouse_id`
JOIN `product` p ON p.`product_id` = s.`product_id`
WHERE s.`quantity` < IFNULL(s.`reorder_point`, 10)
ORDER BY s.`quantity`
LIMIT 100;

DELIMITER ;;
CREATE TRIGGER `stock_level_bu` BEFORE UPDATE ON `stock_level` FOR EACH ROW BEGIN
  IF NEW.quantity < 0 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'stock cannot be negative';
  END IF;
END;;
DELIMITER ;

INSERT INTO `warehouse` (`code`, `name`, `city`) VALUES ('BER1','Berlin North','Berlin'),('LIS1','Lisboa Porto Alto','Lisboa');
SET FOREIGN_KEY_CHECKS = 1;
