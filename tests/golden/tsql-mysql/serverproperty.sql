-- AdventureWorks records the server's version when it is installed
CREATE TABLE [dbo].[AWBuildVersion](
    [SystemInformationID] [tinyint] IDENTITY (1, 1) NOT NULL,
    [Database Version] [nvarchar](25) NOT NULL,
    [VersionDate] [datetime] NOT NULL,
    [MajorVersion] [int] NULL,
    [Collation] [nvarchar](128) NULL
) ON [PRIMARY];
GO
INSERT INTO [dbo].[AWBuildVersion]
VALUES
( CONVERT(nvarchar(25), SERVERPROPERTY('ProductVersion')), GETDATE(),
  CAST(SERVERPROPERTY('ProductMajorVersion') AS INT), CONVERT(nvarchar(128), SERVERPROPERTY('Collation')) );
GO
