#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `lstat` said of a file: enough to tell, as git does, whether it changed since.
public struct FileStamp: Sendable, Hashable {
  public var size: Int64
  public var modifiedSeconds: Int64
  public var modifiedNanoseconds: Int64
  public var changedSeconds: Int64
  public var changedNanoseconds: Int64
  public var inode: UInt64

  init(_ info: stat) {
    size = Int64(info.st_size)
    modifiedSeconds = Int64(info.st_mtim.tv_sec)
    modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
    changedSeconds = Int64(info.st_ctim.tv_sec)
    changedNanoseconds = Int64(info.st_ctim.tv_nsec)
    inode = UInt64(info.st_ino)
  }
}
