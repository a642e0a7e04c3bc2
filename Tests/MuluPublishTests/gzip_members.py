"""Prints the gzip members of a file, one line each: the SHA-1 of its compressed bytes and the
number of lines it holds; exits 1 when the file is not whole gzip members one after another."""
import hashlib
import sys
import zlib

data = open(sys.argv[1], "rb").read()
position = 0
while position < len(data):
    inflater = zlib.decompressobj(wbits=31)
    text = inflater.decompress(data[position:])
    if not inflater.eof:
        sys.exit(f"a member cut short at byte {position}")
    end = len(data) - len(inflater.unused_data)
    print(hashlib.sha1(data[position:end]).hexdigest(), text.count(b"\n"))
    position = end
