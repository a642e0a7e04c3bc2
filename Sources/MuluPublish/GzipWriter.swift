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
