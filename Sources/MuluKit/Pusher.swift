import MuluCatalog
import MuluGit

/// Who pushes, as the Git server tells its hooks.
public enum Pusher {
  /// The variables that name the pusher, in the order they are consulted: mulu's own, GitLab,
  /// Gitea/Forgejo, gitolite, and git-http-backend (the web server's authenticated user).
  public static let variables = ["MULU_PUSHER", "GL_USERNAME", "GITEA_PUSHER_NAME", "GL_USER", "REMOTE_USER"]

  /// The first of `variables` that is set to something other than white space.
  public static func identity(in environment: [String: String]) -> (id: String, variable: String)? {
    for variable in variables {
      guard let value = environment[variable] else { continue }
      let trimmed = value.trimmingWhitespace()
      if !trimmed.isEmpty { return (trimmed, variable) }
    }
    return nil
  }
}
