/* test_docmask.c - the document readers (docmask.c, doc_markdown.c, doc_html.c): what
 * a Markdown or HTML file's masked text keeps, blanks, decodes and marks, and that it
 * always has the file's length and line breaks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "docmask_p.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The masked text of `text` read as `f`, with its runs of spaces folded into one (so
 * that expectations stay readable); the length and the line breaks are checked. */
static void mask(tl_format f, const char *text, char *out, size_t cap)
{
    size_t n = strlen(text);
    char *m;
    assert_int_equal(tl_document_text(f, text, n, &m), TL_OK);
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        assert_true((text[i] == '\n') == (m[i] == '\n'));
        if (m[i] == ' ' && k && out[k - 1] == ' ')
            continue;
        out[k++] = m[i];
    }
    out[k] = '\0';
    tl_document_text_free(m);
}

static void test_markdown(void **state)
{
    (void)state;
    char out[512];
    mask(TL_FORMAT_MARKDOWN, "---\ntitle: Ошибка\n---\n# Заголовок\n", out, sizeof out);
    assert_string_equal(out, " \n \n \n Заголовок\n"); /* front matter, heading marker */
    mask(TL_FORMAT_MARKDOWN, "Текст `код` и [ссылка](http://x.y \"титул\").\n", out,
         sizeof out);
    assert_string_equal(out, "Текст и ссылка .\n");
    mask(TL_FORMAT_MARKDOWN, "```\nкод\n```\n\n    отступ\n", out, sizeof out);
    assert_string_equal(out, " \n \n \n\n \n");
    mask(TL_FORMAT_MARKDOWN, "| а | б |\n|---|---|\n| в | г |\n", out, sizeof out);
    assert_string_equal(out, " а. б \n \n в. г \n"); /* cells are sentences */
    mask(TL_FORMAT_MARKDOWN, "![Подпись](a.png) <b>жирный</b> <!-- нет -->\n", out, sizeof out);
    assert_string_equal(out, " Подпись. жирный \n");
    mask(TL_FORMAT_MARKDOWN, "<!-- termlint-disable spelling -->\nТекст.\n", out, sizeof out);
    assert_string_equal(out, "<!-- termlint-disable spelling -->\nТекст.\n");
    mask(TL_FORMAT_MARKDOWN, "А &amp; Б &laquo;В&raquo; &#1072;&#10;\n", out, sizeof out);
    assert_string_equal(out, "А & Б «В» а \n"); /* &#10; would add a line: masked */
    mask(TL_FORMAT_MARKDOWN, "Автоссылка <https://example.org/путь> тут.\n", out, sizeof out);
    assert_string_equal(out, "Автоссылка тут.\n");
    mask(TL_FORMAT_MARKDOWN, "<p align=\"center\">Блок &amp; <b>текст</b></p>\n\nАбзац\n", out,
         sizeof out);
    assert_string_equal(out, " Блок & текст \n\nАбзац\n"); /* an HTML block is read as HTML */
    mask(TL_FORMAT_MARKDOWN, "---\nне закрыта\n", out, sizeof out);
    assert_string_equal(out, " \nне закрыта\n"); /* a rule and a paragraph, then */
}

static void test_html(void **state)
{
    (void)state;
    char out[512];
    mask(TL_FORMAT_HTML, "<p class=\"х\">Текст</p><p>Ещё</p>\n", out, sizeof out);
    assert_string_equal(out, " Текст. Ещё \n");
    mask(TL_FORMAT_HTML, "<script>var a = \"<p>ошибка</p>\";</script><style>p{}</style>Т\n",
         out, sizeof out);
    assert_string_equal(out, " Т\n");
    mask(TL_FORMAT_HTML, "<td>а</td><td>б</td>\r\n<li>Да!</li><li>Нет</li>", out, sizeof out);
    assert_string_equal(out, " а. б \r\n Да! Нет ");
    mask(TL_FORMAT_HTML, "<p>&laquo;Слово&raquo;&nbsp;и&amp;</p>", out, sizeof out);
    assert_string_equal(out, " «Слово» \xC2\xA0 и& ");
    mask(TL_FORMAT_HTML, "<img src=\"а.png\" alt=\"Снимок\"><img alt='с &amp; б'/>", out,
         sizeof out);
    assert_string_equal(out, " Снимок ");
    mask(TL_FORMAT_HTML, "<!-- нет --><!-- termlint-disable spelling -->", out, sizeof out);
    assert_string_equal(out, " <!-- termlint-disable spelling -->");
    mask(TL_FORMAT_HTML, "<meta charset=\"windows-1251\"><p>Кириллица</p>", out, sizeof out);
    assert_string_equal(out, " Кириллица "); /* read as UTF-8 whatever it claims */
    mask(TL_FORMAT_HTML, "<p>a\xFF b</p>", out, sizeof out);
    assert_non_null(strchr(out, '\xFF')); /* a bad byte stays for the encoding rule */
}

static void test_text_and_formats(void **state)
{
    (void)state;
    char out[64];
    mask(TL_FORMAT_TEXT, "<p>как есть</p>", out, sizeof out);
    assert_string_equal(out, "<p>как есть</p>");
    assert_int_equal(tl_format_of_path("a/b.MD"), TL_FORMAT_MARKDOWN);
    assert_int_equal(tl_format_of_path("x.markdown"), TL_FORMAT_MARKDOWN);
    assert_int_equal(tl_format_of_path("x.htm"), TL_FORMAT_HTML);
    assert_int_equal(tl_format_of_path("x.txt"), TL_FORMAT_TEXT);
    assert_int_equal(tl_format_of_path("md"), TL_FORMAT_TEXT);
    tl_format f;
    assert_int_equal(tl_format_parse("html", &f), 0);
    assert_int_equal(f, TL_FORMAT_HTML);
    assert_int_equal(tl_format_parse("rtf", &f), -1);
    char u[4];
    assert_int_equal(dm_entity("&#x1F600;", 9, u), 4);
    assert_int_equal(dm_entity("&#xD800;", 8, u), 0); /* a surrogate is no character */
    assert_int_equal(dm_entity("&nosuch;", 8, u), 0);
    assert_int_equal(dm_entity("&#99999999;", 11, u), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_html),
        cmocka_unit_test(test_text_and_formats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
