/// How a scalar was written in the source.
public enum YAMLScalarStyle: Sendable, Hashable {
  case plain, singleQuoted, doubleQuoted, literal, folded
}
