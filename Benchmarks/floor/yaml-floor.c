/* The floor for planlint's benchmarks: a bare loop over libyaml's events, no tree.
 * Reads the whole file into memory first (as planlint does), then parses from the buffer.
 * Usage: yaml-floor FILE   — prints the number of events; exit 1 on a parse error. */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: yaml-floor FILE\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc(size > 0 ? size : 1);
    if (fread(buf, 1, size, f) != (size_t)size) { perror("read"); return 2; }
    fclose(f);
    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, buf, size);
    long events = 0;
    int done = 0, rc = 0;
    while (!done) {
        if (!yaml_parser_parse(&parser, &event)) { rc = 1; break; }
        done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        events++;
    }
    yaml_parser_delete(&parser);
    free(buf);
    printf("%ld events\n", events);
    return rc;
}
