/* diag: a source file after decoding: UTF-8 text, its name, and a line map
 * built once so byte offsets turn into line:column only when reported. */
#ifndef SQLSHIFT_SOURCE_H
#define SQLSHIFT_SOURCE_H
#include <stddef.h>
#include <stdint.h>

typedef enum SrcEncoding { ENC_UTF8, ENC_UTF8_BOM, ENC_UTF16LE, ENC_UTF16BE } SrcEncoding;

typedef struct SourceFile {
    int id;               /* index in the run's file table (SrcSpan.file) */
    char *name;           /* as given on the command line, "-" for stdin (malloc) */
    char *text;           /* decoded UTF-8, NUL-terminated, BOM removed (malloc) */
    size_t len;           /* bytes in text */
    size_t raw_len;       /* bytes read before decoding */
    SrcEncoding encoding; /* what was detected */
    int crlf;             /* 1 if the first line ending was CRLF */
    uint32_t *lines;      /* byte offset of the start of each line (malloc) */
    int nlines;           /* entries in lines */
    uint32_t *line_at;    /* per SRC_BLOCK bytes of text: the line holding the
                             block's first byte (same allocation as lines) */
    void *map;            /* when text is the input file mapped in place (valid
                             UTF-8 already): the mapping, else NULL */
    size_t map_len;
    size_t released;      /* bytes at the start of the mapping given back */
} SourceFile;

/* A location in a source file: byte offset and length into SourceFile.text. */
typedef struct SrcSpan {
    uint32_t file;  /* SourceFile.id */
    uint32_t off;   /* first byte */
    uint32_t len;   /* bytes */
} SrcSpan;

typedef struct SrcPos {
    int line;  /* 1-based */
    int col;   /* 1-based, in characters (UTF-8 code points) */
} SrcPos;

/* Offsets into blocks of 4 KB for the line map's index (SourceFile.line_at):
 * a lookup searches only the lines of one block. */
#define SRC_BLOCK_SHIFT 12

/* Builds the line map; text must already be set. */
void src_build_lines(SourceFile *f);
SrcPos src_pos(const SourceFile *f, uint32_t off);
/* Start and end (inclusive last character) positions of a span. */
void src_span_pos(const SourceFile *f, SrcSpan sp, SrcPos *start, SrcPos *end);
/* Gives back the memory of the text before byte off (whole pages of a
 * mapped input; later reads of it still work: the pages are read again
 * from the file). Lets a large input be converted with only the part at
 * hand resident. */
void src_release_before(SourceFile *f, size_t off);
/* Gives back the memory of all of a mapped input's text (read again from
 * the file when used); nothing for a text in memory. */
void src_release_text(SourceFile *f);
/* Frees the text and the line map (positions can no longer be computed). */
void src_free_text(SourceFile *f);
void src_free(SourceFile *f);

#endif
