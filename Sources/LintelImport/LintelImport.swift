// LintelImport
