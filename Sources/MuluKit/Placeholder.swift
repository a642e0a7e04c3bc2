// MuluKit
