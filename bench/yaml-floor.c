/*
 * The floor for full validation: parse every resource file of a registry with libyaml,
 * events only (no tree, no checks), on one core.
 *
 * Reads the output of `git cat-file --batch` (header line "<id> blob <size>", the bytes,
 * a newline) from a file or stdin, parses each blob to its last event and prints
 * "files bytes events". Exit 1 when a blob is not valid YAML or the input is malformed.
 *
 *   git cat-file --batch < ids > blobs && bench/yaml-floor blobs
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static unsigned long parse(const unsigned char *bytes, size_t size) {
  yaml_parser_t parser;
  yaml_event_t event;
  unsigned long events = 0;
  if (!yaml_parser_initialize(&parser)) return 0;
  yaml_parser_set_input_string(&parser, bytes, size);
  for (;;) {
    if (!yaml_parser_parse(&parser, &event)) {
      yaml_parser_delete(&parser);
      return 0;
    }
    events++;
    int done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    if (done) break;
  }
  yaml_parser_delete(&parser);
  return events;
}

int main(int argc, char **argv) {
  FILE *input = argc > 1 ? fopen(argv[1], "rb") : stdin;
  if (!input) {
    perror(argv[1]);
    return 2;
  }
  char header[256];
  unsigned char *buffer = NULL;
  size_t capacity = 0;
  unsigned long files = 0, bytes = 0, events = 0;
  while (fgets(header, sizeof header, input)) {
    char id[128], type[32];
    size_t size;
    if (sscanf(header, "%127s %31s %zu", id, type, &size) != 3) {
      fprintf(stderr, "yaml-floor: bad header: %s", header);
      return 1;
    }
    if (size + 1 > capacity) {
      capacity = (size + 1) * 2;
      buffer = realloc(buffer, capacity);
      if (!buffer) return 2;
    }
    if (fread(buffer, 1, size + 1, input) != size + 1) {
      fprintf(stderr, "yaml-floor: short read in %s\n", id);
      return 1;
    }
    if (strcmp(type, "blob") != 0) continue;
    unsigned long n = parse(buffer, size);
    if (n == 0) {
      fprintf(stderr, "yaml-floor: %s is not valid YAML\n", id);
      return 1;
    }
    files++;
    bytes += size;
    events += n;
  }
  printf("%lu %lu %lu\n", files, bytes, events);
  return 0;
}
