import CDeflate

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A large loose object read from its file and inflated whole with libdeflate, about twice as
/// fast as zlib, through which libgit2 reads it.
///
/// A push of a few files into a national registry brings the provider folder's new tree as a
/// loose object of megabytes (git unpacks small pushes into loose objects): inflating it is
/// most of what is left of a hook's cost that grows with the registry. Small objects and
/// packed ones are left to libgit2. A large loose file that does not inflate to an object of
/// git's header is an error here: libgit2 1.5 never returns from inflating a truncated one.
struct LooseObject {
  /// The object's bytes after git's header, within memory this value owns until `release()`.
  let bytes: UnsafeBufferPointer<UInt8>
  let allocation: UnsafeMutableRawPointer
  /// The length of `allocation` when it is a mapping of its own, 0 when `malloc` made it.
  let mappedLength: Int

  /// Files smaller than this are left to libgit2: opening and reading them costs more than
  /// any inflating saved.
  static let minimumFileSize = 64 << 10

  /// The object `id` of type `type` ("tree", "blob"…) from the first of `folders` (object
  /// directories) that holds it loose; nil when none does or its file is small. A file that
  /// is not a loose object of that type (damaged, truncated, another type) is an error.
  init?(_ id: ObjectID, type: String, in folders: [String]) throws {
    let hex = id.hex
    let name = "/" + hex.prefix(2) + "/" + hex.dropFirst(2)
    for folder in folders {
      let descriptor = open(folder + name, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else { continue }
      defer { close(descriptor) }
      var info = stat()
      guard fstat(descriptor, &info) == 0, Int(info.st_size) >= LooseObject.minimumFileSize else { return nil }
      guard let object = LooseObject.inflate(descriptor, size: Int(info.st_size), type: type) else {
        throw GitError.invalid(
          "LooseObject", "the loose object \(folder + name) is damaged, or is not a \(type): it does not inflate to one")
      }
      self = object
      return
    }
    return nil
  }

  private init(bytes: UnsafeBufferPointer<UInt8>, allocation: UnsafeMutableRawPointer, mappedLength: Int) {
    self.bytes = bytes
    self.allocation = allocation
    self.mappedLength = mappedLength
  }

  func release() {
    if mappedLength > 0 { munmap(allocation, mappedLength) } else { free(allocation) }
  }

  private static func inflate(_ descriptor: Int32, size: Int, type: String) -> LooseObject? {
    guard let compressed = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0),
      compressed != MAP_FAILED
    else { return nil }
    defer { munmap(compressed, size) }
    guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
    defer { libdeflate_free_decompressor(decompressor) }
    // Stored as it is (`core.looseCompression=0`, as `mulu hooks install --server` sets): its
    // length is known before inflating, and its memory is mapped in one go rather than a page
    // fault at a time.
    if let length = storedLength(UnsafeRawBufferPointer(start: compressed, count: size), type: type),
      let output = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0),
      output != MAP_FAILED
    {
      var produced = 0
      if libdeflate_zlib_decompress(decompressor, compressed, size, output, length, &produced) == LIBDEFLATE_SUCCESS,
        let object = parse(output, produced, type: type, mappedLength: length)
      {
        return object
      }
      // What its first block said was not so: inflated as any other below, which judges it.
      munmap(output, length)
    }
    // A tree holds ids that do not compress: four times its file is room for most; a file
    // that needs more is inflated again with room for what it said it held.
    var capacity = size * 4 + 64
    while capacity <= Int(Int32.max) {
      guard let output = malloc(capacity) else { return nil }
      var produced = 0
      let result = libdeflate_zlib_decompress(decompressor, compressed, size, output, capacity, &produced)
      if result == LIBDEFLATE_SUCCESS, let object = parse(output, produced, type: type, mappedLength: 0) {
        return object
      }
      free(output)
      guard result == LIBDEFLATE_INSUFFICIENT_SPACE else { return nil }
      capacity *= 4
    }
    return nil
  }

  /// The inflated length of a zlib stream whose first deflate block is stored (not
  /// compressed) and begins with git's header for `type`: the header's length and the size it
  /// declares. Nil for any other stream.
  static func storedLength(_ stream: UnsafeRawBufferPointer, type: String) -> Int? {
    // zlib's two bytes (deflate, no dictionary, their check), then a block of type 0: its
    // three bits, padding to the byte, its length and that length's complement.
    guard stream.count > 7, stream[0] & 0x0F == 8, (Int(stream[0]) << 8 | Int(stream[1])) % 31 == 0,
      stream[1] & 0x20 == 0, stream[2] & 0x06 == 0
    else { return nil }
    let length = Int(stream[3]) | Int(stream[4]) << 8
    guard length ^ (Int(stream[5]) | Int(stream[6]) << 8) == 0xFFFF, stream.count >= 7 + length else { return nil }
    guard let header = header(UnsafeRawBufferPointer(rebasing: stream[7..<(7 + length)]), type: type),
      // Stored blocks hold their bytes as they are: a stream of them is longer than what it holds.
      header.declared < stream.count - header.length
    else { return nil }
    return header.length + header.declared
  }

  /// git's header at the start of `bytes`, `type SP size NUL`: its length (NUL included) and the
  /// size it declares; nil when `bytes` do not start with one for `type`.
  private static func header(_ bytes: UnsafeRawBufferPointer, type: String) -> (length: Int, declared: Int)? {
    let expected = Array(type.utf8) + [UInt8(ascii: " ")]
    guard bytes.count > expected.count, bytes.prefix(expected.count).elementsEqual(expected) else { return nil }
    var cursor = expected.count
    var declared = 0
    while cursor < bytes.count, cursor - expected.count < 18,
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor])
    {
      declared = declared * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
      cursor += 1
    }
    guard cursor > expected.count, cursor < bytes.count, bytes[cursor] == 0 else { return nil }
    return (cursor + 1, declared)
  }

  /// git's header, `type SP size NUL`, and exactly `size` bytes after it.
  private static func parse(
    _ output: UnsafeMutableRawPointer, _ count: Int, type: String, mappedLength: Int
  ) -> LooseObject? {
    guard let header = header(UnsafeRawBufferPointer(start: output, count: count), type: type),
      count - header.length == header.declared
    else { return nil }
    let declared = header.declared
    let start = (output + header.length).assumingMemoryBound(to: UInt8.self)
    return LooseObject(
      bytes: UnsafeBufferPointer(start: declared > 0 ? start : nil, count: declared), allocation: output,
      mappedLength: mappedLength)
  }
}
