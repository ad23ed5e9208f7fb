#ifndef DOSSIER_CCMARKGFM_SHIM_H
#define DOSSIER_CCMARKGFM_SHIM_H
#include <stdbool.h>
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

// Frees an extension's list of trigger characters and leaves it none (see MarkdownDocument.swift); false, and
// nothing changed, where the extension's record is not installed (Debian's libcmark-gfm-dev installs it).
#if __has_include(<cmark-gfm/syntax_extension.h>)
#include <cmark-gfm/syntax_extension.h>
static inline bool dossier_free_special_inline_chars(cmark_syntax_extension *extension) {
    cmark_llist_free(cmark_get_default_mem_allocator(), extension->special_inline_chars);
    extension->special_inline_chars = NULL;
    return true;
}
#else
static inline bool dossier_free_special_inline_chars(cmark_syntax_extension *extension) {
    (void)extension;
    return false;
}
#endif
#endif
