/* linebytes.h - what a line's bytes tell before its words do (linebytes.c): figure
 * dates and times, images and code the page conversion left, licence marks. Used by
 * the furniture check (check_furniture.c). */
#ifndef TL_LINEBYTES_H
#define TL_LINEBYTES_H

#include <stdbool.h>
#include <stddef.h>

/* Whether [p, p+len) holds `what` (lower-case ASCII), ASCII case ignored. */
bool linebytes_has(const char *p, size_t len, const char *what);
/* A `data:image` URI or an <image>/<img> tag. */
bool linebytes_image_code(const char *p, size_t len);
/* Only an image extension and punctuation around it («.jpg)», «png"»). */
bool linebytes_extension_only(const char *p, size_t len);
/* A line of CSS or JavaScript. */
bool linebytes_code(const char *p, size_t len);
/* A licence mark («©», «(c)», «(cc)», also with Cyrillic «с») at p. */
bool linebytes_licence_mark(const char *p, size_t len);
/* Both an ASCII letter and a digit in [p, p+len) («m3345»). */
bool linebytes_mixed_alnum(const char *p, size_t len);
/* The ASCII digits from p[i] on: their count; *v their value (saturated). */
size_t linebytes_digits(const char *p, size_t len, size_t i, unsigned *v);

/* A date or time written in figures, as byte offsets [s, e) in the line. */
typedef struct {
    size_t s, e;
    bool time, date;
} lb_span;

#define LB_MAX_SPANS 8

/* The figure dates and times of line [p, p+len) (yyyy-mm-dd with an optional time,
 * yyyy/mm/dd, yyyy.mm.dd, dd.mm.yyyy, dd/mm/yyyy, dd-mm-yyyy, dd.mm.yy, hh:mm[:ss]),
 * at most LB_MAX_SPANS, into out; returns how many. Not dates: a number glued to a
 * code («15/2020/NĐ-CP»), versions («1.2.3»), scores («2:1»). */
size_t linebytes_dates(const char *p, size_t len, lb_span *out);

#endif
