/* libFuzzer target: the language server's message reader (src/lsp/reader.c), fed the input in
 * pieces of a size the first byte picks, each message read as JSON; then the input as a
 * document, its UTF-16 positions taken to offsets and back (src/lsp/text.c). */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include "lsp/lsp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dd_lsp_reader r = { 0 };
	size_t step = size ? (size_t)data[0] % 97 + 1 : 1;
	for (size_t i = 0; i < size;) {
		size_t n = size - i < step ? size - i : step;
		dd_lsp_reader_feed(&r, (const char *)data + i, n);
		i += n;
		for (;;) {
			char *body, why[256];
			size_t len;
			dd_lsp_read k = dd_lsp_reader_next(&r, &body, &len, why, sizeof why);
			if (k == DD_LSP_NEED_MORE)
				break;
			if (k != DD_LSP_MESSAGE)
				continue;
			if (len > DD_LSP_MAX_MESSAGE || body[len] != '\0')
				__builtin_trap();
			json_error_t err;
			json_decref(json_loadb(body, len, 0, &err));
			free(body);
		}
		if (r.len > DD_LSP_MAX_HEADER + DD_LSP_MAX_MESSAGE + 64)
			__builtin_trap();   /* the reader never holds more than a message and its header */
	}
	dd_lsp_reader_free(&r);
	/* positions: an offset taken to a position and back lands at or before it, on the same position */
	const char *text = (const char *)data;
	for (size_t off = 0; off <= size; off += size / 16 + 1) {
		long line, ch, line2, ch2;
		dd_lsp_position(text, size, off, &line, &ch);
		size_t back = dd_lsp_offset(text, size, line, ch);
		dd_lsp_position(text, size, back, &line2, &ch2);
		if (back > off || line2 != line || ch2 != ch)
			__builtin_trap();
	}
	return 0;
}
