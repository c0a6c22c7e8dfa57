// StrBuilder: assembles a str from pieces (f-strings, join) in a buffer on the stack, knowing
// from the pieces whether the result is ASCII, so that the str costs one allocation and no
// rescan of its text.
#pragma once

#include "repl/lang/object.h"
#include "repl/lang/text/utf8.h"

#include <charconv>
#include <cstring>
#include <string_view>

namespace ormsh::lang {

class StrBuilder {
public:
    StrBuilder() = default;
    StrBuilder(const StrBuilder&) = delete;
    StrBuilder& operator=(const StrBuilder&) = delete;

    void append(const Str* s) {
        append_bytes(s->s);
        ascii_ = ascii_ && s->ascii;
    }
    // Text of unknown content (scanned only while the result is still ASCII).
    void append(std::string_view text) {
        append_bytes(text);
        ascii_ = ascii_ && text::is_ascii(text);
    }
    void append_ascii(std::string_view text) { append_bytes(text); }
    void append_int(int64_t v) {
        char digits[24];
        auto r = std::to_chars(digits, digits + sizeof digits, v);
        append_bytes(std::string_view(digits, static_cast<size_t>(r.ptr - digits)));
    }
    size_t size() const { return size_; }

    // The str built so far (interned when it is empty or one byte).
    Value finish() const {
        std::string_view text(data(), size_);
        return ascii_ ? new_ascii_str(text) : new_str(text);
    }

private:
    static constexpr size_t kInlineBytes = 200;
    const char* data() const { return heap_.empty() ? inline_ : heap_.data(); }
    void append_bytes(std::string_view text) {
        if (heap_.empty() && size_ + text.size() <= kInlineBytes) {
            if (!text.empty()) std::memcpy(inline_ + size_, text.data(), text.size());
        } else {
            if (heap_.empty()) heap_.assign(inline_, size_);
            heap_.append(text);
        }
        size_ += text.size();
    }
    char inline_[kInlineBytes];
    size_t size_ = 0;
    std::string heap_; // used once the text outgrows inline_
    bool ascii_ = true;
};

} // namespace ormsh::lang
