import CGzip

/// A gzip stream (zlib's deflate, gzip wrapper, no file name and time 0 in the header, so the
/// same input gives the same bytes) into a `StreamFile`.
final class GzipWriter {
  private var stream = z_stream()
  private var output = [UInt8](repeating: 0, count: 1 << 16)
  private var started = false

  init(level: Int32 = 6) throws(PublishFailure) {
    let status = mulu_deflate_init_gzip(&stream, level)
    guard status == Z_OK else { throw .tool("deflateInit2 failed (\(status))") }
    started = true
  }

  deinit {
    if started { deflateEnd(&stream) }
  }

  func write(_ bytes: [UInt8], into file: inout StreamFile) throws(PublishFailure) {
    try run(bytes, flush: Z_NO_FLUSH, into: &file)
  }

  func finish(into file: inout StreamFile) throws(PublishFailure) {
    try run([], flush: Z_FINISH, into: &file)
  }

  private func run(_ bytes: [UInt8], flush: Int32, into file: inout StreamFile) throws(PublishFailure) {
    var input = bytes
    let count = input.count
    var failure: PublishFailure? = nil
    input.withUnsafeMutableBufferPointer { inputBuffer in
      stream.next_in = inputBuffer.baseAddress
      stream.avail_in = UInt32(count)
      repeat {
        var produced = 0
        let status = output.withUnsafeMutableBufferPointer { out -> Int32 in
          stream.next_out = out.baseAddress
          stream.avail_out = UInt32(out.count)
          let status = deflate(&stream, flush)
          produced = out.count - Int(stream.avail_out)
          return status
        }
        if status == Z_STREAM_ERROR {
          failure = .tool("deflate failed (\(status))")
          return
        }
        if produced > 0 {
          do {
            try file.write(Array(output[0..<produced]))
          } catch let error as PublishFailure {
            failure = error
            return
          } catch {
            failure = .tool("\(error)")
            return
          }
        }
        if flush == Z_FINISH && status == Z_STREAM_END { break }
      } while stream.avail_out == 0 || (flush == Z_FINISH)
      stream.next_in = nil
    }
    if let failure { throw failure }
  }
}

/// The lines of a gzip file of an earlier publish (`resources.jsonl.gz`), read in order, one
/// at a time, without holding the whole text.
final class GzipLines {
  private var stream = z_stream()
  private var started = false
  private let input: [UInt8]
  private var buffer: [UInt8] = []
  private var start = 0
  private var ended = false
  /// The number of lines handed out or skipped so far.
  private(set) var index = 0

  init?(_ compressed: [UInt8]) {
    input = compressed
    guard mulu_inflate_init_gzip(&stream) == Z_OK else { return nil }
    started = true
  }

  deinit {
    if started { inflateEnd(&stream) }
  }

  /// The line at `position` (without its newline), skipping those before it; nil when the file
  /// has no such line, or `position` was passed.
  func line(at position: Int) -> [UInt8]? {
    guard position >= index else { return nil }
    while true {
      if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
        let current = index
        index += 1
        let line = Array(buffer[start..<newline])
        start = newline + 1
        if current == position { return line }
        continue
      }
      if ended { return nil }
      if start > 0 {
        buffer.removeFirst(start)
        start = 0
      }
      if !inflateMore() { ended = true }
    }
  }

  private var consumed = 0

  private func inflateMore() -> Bool {
    guard consumed < input.count else { return false }
    var chunk = [UInt8](repeating: 0, count: 1 << 18)
    var produced = 0
    var status: Int32 = Z_OK
    input.withUnsafeBufferPointer { source in
      stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress! + consumed)
      stream.avail_in = UInt32(source.count - consumed)
      chunk.withUnsafeMutableBufferPointer { out in
        stream.next_out = out.baseAddress
        stream.avail_out = UInt32(out.count)
        status = inflate(&stream, Z_NO_FLUSH)
        produced = out.count - Int(stream.avail_out)
      }
      consumed = source.count - Int(stream.avail_in)
      stream.next_in = nil
    }
    buffer += chunk[0..<produced]
    if status == Z_STREAM_END {
      // Another member may follow.
      if consumed < input.count { inflateReset(&stream) }
      return true
    }
    return status == Z_OK || status == Z_BUF_ERROR && produced > 0
  }
}
