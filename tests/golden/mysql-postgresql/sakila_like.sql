/*!40101 SET NAMES utf8mb4 */;
CREATE TABLE `film` (
  `film_id` SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `title` VARCHAR(128) NOT NULL,
  `rating` ENUM('G','PG','PG-13','R','NC-17') DEFAULT 'G',
  `special` TINYINT(1) NOT NULL DEFAULT 0,
  `last_update` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`film_id`),
  KEY `idx_title` (`title`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `rental` (
  `rental_id` INT NOT NULL AUTO_INCREMENT,
  `film_id` SMALLINT UNSIGNED NOT NULL,
  `rented_at` DATETIME NOT NULL,
  PRIMARY KEY (`rental_id`),
  CONSTRAINT `fk_rental_film` FOREIGN KEY (`film_id`) REFERENCES `film` (`film_id`) ON UPDATE CASCADE
) ENGINE=InnoDB;

CREATE VIEW film_stats AS
SELECT f.title, COUNT(r.rental_id) AS rentals, IFNULL(MAX(r.rented_at), NOW()) AS last_rental,
       CONCAT(f.title, ' (', f.rating, ')') AS label
FROM film f LEFT JOIN rental r ON r.film_id = f.film_id
GROUP BY f.title, f.rating
LIMIT 10;

INSERT INTO film (title, rating) VALUES ('ACADEMY DINOSAUR', 'PG'), ('ACE GOLDFINGER', 'G');
