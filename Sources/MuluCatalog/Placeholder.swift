// MuluCatalog
