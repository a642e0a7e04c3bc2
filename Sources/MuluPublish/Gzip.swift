import CGzip

/// gzip members (zlib's deflate with the gzip wrapper: no file name and time 0 in the header, so
/// the same input gives the same bytes). `resources.jsonl.gz` is a sequence of members, one
/// after another, as RFC 1952 allows and every gzip reader reads: a member is compressed on
/// any core, and a republish copies the members whose lines do not change.
enum Gzip {
  static let level: Int32 = 6

  /// One member holding `bytes`; nil when zlib fails (it does not, short of memory).
  static func member(_ bytes: [UInt8]) -> [UInt8]? {
    var stream = z_stream()
    guard mulu_deflate_init_gzip(&stream, level) == Z_OK else { return nil }
    defer { deflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 32)
    var input = bytes
    let count = input.count
    var status: Int32 = Z_OK
    var produced = 0
    input.withUnsafeMutableBufferPointer { source in
      output.withUnsafeMutableBufferPointer { out in
        stream.next_in = source.baseAddress
        stream.avail_in = UInt32(count)
        stream.next_out = out.baseAddress
        stream.avail_out = UInt32(out.count)
        status = deflate(&stream, Z_FINISH)
        produced = out.count - Int(stream.avail_out)
      }
    }
    guard status == Z_STREAM_END else { return nil }
    output.removeSubrange(produced...)
    return output
  }

  /// The bytes of the one member `member` holds; nil when it is no whole gzip member.
  static func contents(of member: UnsafeRawBufferPointer) -> [UInt8]? {
    guard member.count > 0 else { return nil }
    var stream = z_stream()
    guard mulu_inflate_init_gzip(&stream) == Z_OK else { return nil }
    defer { inflateEnd(&stream) }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    stream.next_in = UnsafeMutablePointer(mutating: member.baseAddress!.assumingMemoryBound(to: UInt8.self))
    stream.avail_in = UInt32(member.count)
    while true {
      var produced = 0
      let status = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
        stream.next_out = out.baseAddress
        stream.avail_out = UInt32(out.count)
        let status = inflate(&stream, Z_NO_FLUSH)
        produced = out.count - Int(stream.avail_out)
        return status
      }
      output += chunk[0..<produced]
      if status == Z_STREAM_END { return stream.avail_in == 0 ? output : nil }
      guard status == Z_OK || (status == Z_BUF_ERROR && produced > 0) else { return nil }
    }
  }
}
