// MuluGit
