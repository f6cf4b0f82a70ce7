/*
 * fuzz_html.c - fuzz target for the HTML reader (text/doc_html.c through
 * tl_document_text): the input is a file. The masked text must have the input's
 * length, its line breaks at the same places and no others, only bytes of the input,
 * spaces, sentence marks or decoded entities elsewhere, and be valid UTF-8 whenever
 * the input is (else the checks would report encoding errors the file has not).
 *
 * Built with clang -fsanitize=fuzzer by `make fuzz`, and linked with replay.c into
 * build/fuzz-replay-html, which `make check` runs over fuzz/corpus/html.
 */
#include "fuzz_doc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* replay.c: the input has no selector byte */
const unsigned fuzz_selectors = 0;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_document(TL_FORMAT_HTML, (const char *)data, size);
    return 0;
}
