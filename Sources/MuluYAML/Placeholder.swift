// MuluYAML
