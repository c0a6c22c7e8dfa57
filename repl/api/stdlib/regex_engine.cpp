// PCRE2 for the `re` module: translation of the few Python-only constructs, compilation with
// the options Python's flags mean (UTF and Unicode properties for str patterns, so \w and \d
// match as Python's do), a process-wide cache, and matching with CPython's iteration rule
// (after an empty match, the next match may not be empty at the same place).
#define PCRE2_CODE_UNIT_WIDTH 8
#include "repl/api/stdlib/regex_engine.h"

#include "repl/lang/text/utf8.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <pcre2.h>

namespace ormsh::api::stdlib::regex {

namespace {

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

pcre2_code* code_of(void* p) {
    return static_cast<pcre2_code*>(p);
}

} // namespace

std::string translate_pattern(std::string_view p) {
    std::string out;
    out.reserve(p.size() + 8);
    bool in_class = false;
    for (size_t i = 0; i < p.size(); ++i) {
        char c = p[i];
        if (c == '\\' && i + 1 < p.size()) {
            char e = p[i + 1];
            size_t hex_len = e == 'u' ? 4 : e == 'U' ? 8 : 0;
            if (hex_len && i + 1 + hex_len < p.size() + 0 && i + 2 + hex_len <= p.size()) {
                bool ok = true;
                for (size_t k = 0; k < hex_len; ++k)
                    ok = ok && is_hex(p[i + 2 + k]);
                if (ok) {
                    out += "\\x{" + std::string(p.substr(i + 2, hex_len)) + "}";
                    i += 1 + hex_len;
                    continue;
                }
            }
            if (e == 'Z' && !in_class) {
                out += "\\z";
            } else if (e == 'v') {
                out += "\\x0b";
            } else {
                out += c;
                out += e;
            }
            ++i;
            continue;
        }
        if (in_class) {
            if (c == ']') in_class = false;
            out += c;
            continue;
        }
        if (c == '[') {
            in_class = true;
            out += c;
            // A ']' right after '[' or '[^' is a literal member.
            if (i + 1 < p.size() && p[i + 1] == '^') out += p[++i];
            if (i + 1 < p.size() && p[i + 1] == ']') out += p[++i];
            continue;
        }
        if (c == '{' && i + 1 < p.size() && p[i + 1] == ',') {
            size_t j = i + 2;
            while (j < p.size() && p[j] >= '0' && p[j] <= '9')
                ++j;
            if (j > i + 2 && j < p.size() && p[j] == '}') {
                out += "{0,";
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

std::string escape(std::string_view s) {
    static const std::string_view special = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
    std::string out;
    for (char c : s) {
        if (special.find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

Regex::~Regex() {
    pcre2_code_free(code_of(code_));
}

std::shared_ptr<const Regex> Regex::compile(const std::string& pattern, int64_t flags) {
    static auto* mutex = new std::mutex();
    static auto* cache =
        new std::map<std::pair<std::string, int64_t>, std::shared_ptr<const Regex>>();
    constexpr size_t kMaxCache = 512;
    std::lock_guard<std::mutex> lock(*mutex);
    auto key = std::make_pair(pattern, flags);
    if (auto it = cache->find(key); it != cache->end()) return it->second;

    uint32_t options = PCRE2_UTF | PCRE2_NO_UTF_CHECK;
    if (!(flags & kAscii)) options |= PCRE2_UCP;
    if (flags & kIgnoreCase) options |= PCRE2_CASELESS;
    if (flags & kMultiline) options |= PCRE2_MULTILINE;
    if (flags & kDotAll) options |= PCRE2_DOTALL;
    if (flags & kVerbose) options |= PCRE2_EXTENDED;
    std::string translated = translate_pattern(pattern);
    pcre2_compile_context* ctx = pcre2_compile_context_create(nullptr);
    pcre2_set_newline(ctx, PCRE2_NEWLINE_LF);
    int err = 0;
    PCRE2_SIZE err_off = 0;
    pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(translated.data()),
                                     translated.size(), options, &err, &err_off, ctx);
    pcre2_compile_context_free(ctx);
    if (!code) {
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(err, buf, sizeof buf);
        CompileError e;
        e.message = reinterpret_cast<char*>(buf);
        // The offset is in the translated text; it equals the original's for patterns the
        // translation did not touch, which is nearly always the case for an error.
        size_t off = std::min<size_t>(err_off, pattern.size());
        e.pos =
            static_cast<int64_t>(lang::text::utf8_length(std::string_view(pattern).substr(0, off)));
        throw e;
    }
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); // optional: matching falls back without JIT

    std::shared_ptr<Regex> r(new Regex());
    r->pattern_ = pattern;
    r->flags_ = flags;
    r->code_ = code;
    uint32_t count = 0;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &count);
    r->groups_ = static_cast<int>(count);
    uint32_t name_count = 0, entry_size = 0;
    PCRE2_SPTR table = nullptr;
    pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &name_count);
    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
    for (uint32_t i = 0; i < name_count; ++i) {
        PCRE2_SPTR entry = table + i * entry_size;
        int number = (entry[0] << 8) | entry[1];
        r->names_.emplace_back(reinterpret_cast<const char*>(entry + 2), number);
    }
    std::sort(r->names_.begin(), r->names_.end(),
              [](const auto& a, const auto& b) { return a.second < b.second; });
    if (cache->size() >= kMaxCache) cache->clear();
    (*cache)[key] = r;
    return r;
}

int Regex::match(std::string_view subject, size_t start, size_t end, Mode mode,
                 bool not_empty_at_start, std::vector<int64_t>& spans) const {
    pcre2_code* code = code_of(code_);
    pcre2_match_data* md = pcre2_match_data_create_from_pattern(code, nullptr);
    uint32_t options = PCRE2_NO_UTF_CHECK;
    if (mode != Mode::Search) options |= PCRE2_ANCHORED;
    if (mode == Mode::FullMatch) options |= PCRE2_ENDANCHORED;
    if (not_empty_at_start) options |= PCRE2_NOTEMPTY_ATSTART;
    int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(subject.data()), end, start, options,
                         md, nullptr);
    if (rc < 0) {
        pcre2_match_data_free(md);
        if (rc == PCRE2_ERROR_NOMATCH) return -1;
        return -1;
    }
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
    spans.assign(static_cast<size_t>(2 * (groups_ + 1)), -1);
    for (int g = 0; g < rc && g <= groups_; ++g) {
        if (ov[2 * g] == PCRE2_UNSET) continue;
        spans[static_cast<size_t>(2 * g)] = static_cast<int64_t>(ov[2 * g]);
        spans[static_cast<size_t>(2 * g + 1)] = static_cast<int64_t>(ov[2 * g + 1]);
    }
    pcre2_match_data_free(md);
    return rc - 1;
}

} // namespace ormsh::api::stdlib::regex
