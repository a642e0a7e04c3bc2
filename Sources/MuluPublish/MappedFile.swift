#if canImport(Glibc)
  import Glibc
#endif

/// A file of an earlier publish mapped into memory, read-only, for the slices a republish
/// copies from it (`dcat.jsonld`).
final class MappedFile: @unchecked Sendable {
  let count: Int
  private let base: UnsafeMutableRawPointer?

  /// The file, when it can be mapped and its bytes hash to `hash`.
  init?(path: String, size: Int, hash: UInt64) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    guard SiteOutput.size(of: path) == size else { return nil }
    count = size
    if size == 0 {
      base = nil
    } else {
      guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else { return nil }
      base = mapped
    }
    guard ContentHash.of(UnsafeRawBufferPointer(start: base, count: count)) == hash else { return nil }
  }

  deinit {
    if let base { munmap(base, count) }
  }

  /// The mapped bytes `offset..<offset+length`, valid while this lives; nil outside the file.
  func bytes(_ offset: Int, _ length: Int) -> UnsafeRawBufferPointer? {
    guard offset >= 0, length >= 0, offset + length <= count else { return nil }
    guard length > 0, let base else { return UnsafeRawBufferPointer(start: nil, count: 0) }
    return UnsafeRawBufferPointer(start: base + offset, count: length)
  }

  /// The bytes `offset..<offset+length`; nil outside the file.
  func slice(_ offset: Int, _ length: Int) -> [UInt8]? {
    guard offset >= 0, length >= 0, offset + length <= count else { return nil }
    guard length > 0, let base else { return [] }
    return Array(UnsafeRawBufferPointer(start: base + offset, count: length))
  }
}
