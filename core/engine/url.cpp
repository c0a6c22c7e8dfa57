// Parsing and printing database URLs the way SQLAlchemy's make_url() and repr(url) do, so
// that error messages, banners and `engine.url` print what a SQLAlchemy user expects.
#include "core/engine/url.h"

#include "core/engine/dialect.h"
#include "core/engine/errors.h"

#include <cctype>

namespace ormsh::engine {

namespace {

[[noreturn]] void parse_error(std::string_view text) {
    throw ArgumentError("Could not parse SQLAlchemy URL from string '" + std::string(text) + "'");
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            int hi = hex_value(s[i + 1]);
            int lo = hex_value(s[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

// SQLAlchemy quotes only the characters that would break the URL's structure.
std::string rfc1738_quote(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == ':' || c == '@' || c == '/') {
            static const char* digits = "0123456789ABCDEF";
            out += '%';
            out += digits[(static_cast<unsigned char>(c) >> 4) & 0xF];
            out += digits[static_cast<unsigned char>(c) & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '+';
}

} // namespace

Url Url::parse(std::string_view text) {
    Url url;
    std::size_t scheme_end = text.find("://");
    if (scheme_end == std::string_view::npos || scheme_end == 0) parse_error(text);
    for (std::size_t i = 0; i < scheme_end; ++i)
        if (!is_name_char(text[i])) parse_error(text);
    url.drivername = std::string(text.substr(0, scheme_end));
    std::size_t plus = url.drivername.find('+');
    std::string backend = url.drivername.substr(0, plus);
    if (plus != std::string::npos) url.driver = url.drivername.substr(plus + 1);
    url.backend = resolve_backend_alias(backend);

    std::string_view rest = text.substr(scheme_end + 3);
    std::size_t qmark = rest.find('?');
    if (qmark != std::string_view::npos) {
        std::string_view query = rest.substr(qmark + 1);
        rest = rest.substr(0, qmark);
        while (!query.empty()) {
            std::size_t amp = query.find('&');
            std::string_view pair = query.substr(0, amp);
            std::size_t eq = pair.find('=');
            if (!pair.empty()) {
                if (eq == std::string_view::npos)
                    url.query[percent_decode(pair)] = "";
                else
                    url.query[percent_decode(pair.substr(0, eq))] =
                        percent_decode(pair.substr(eq + 1));
            }
            if (amp == std::string_view::npos) break;
            query = query.substr(amp + 1);
        }
    }

    std::size_t slash = rest.find('/');
    std::string_view authority = rest.substr(0, slash);
    if (slash != std::string_view::npos) url.database = std::string(rest.substr(slash + 1));

    std::size_t at = authority.rfind('@');
    if (at != std::string_view::npos) {
        std::string_view userinfo = authority.substr(0, at);
        authority = authority.substr(at + 1);
        std::size_t colon = userinfo.find(':');
        url.username = percent_decode(userinfo.substr(0, colon));
        if (colon != std::string_view::npos)
            url.password = percent_decode(userinfo.substr(colon + 1));
    }

    std::string_view hostport = authority;
    std::string_view port;
    if (!hostport.empty() && hostport.front() == '[') {
        std::size_t close = hostport.find(']');
        if (close == std::string_view::npos) parse_error(text);
        url.host = std::string(hostport.substr(1, close - 1));
        std::string_view after = hostport.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') parse_error(text);
            port = after.substr(1);
        }
    } else {
        std::size_t colon = hostport.find(':');
        if (colon != std::string_view::npos) {
            port = hostport.substr(colon + 1);
            hostport = hostport.substr(0, colon);
        }
        if (!hostport.empty()) url.host = std::string(hostport);
    }
    if (!port.empty()) {
        int value = 0;
        for (char c : port) {
            if (!std::isdigit(static_cast<unsigned char>(c)) || value > 65535)
                throw ArgumentError("invalid literal for int() with base 10: '" +
                                    std::string(port) + "'");
            value = value * 10 + (c - '0');
        }
        url.port = value;
    }
    return url;
}

std::string Url::to_string() const {
    std::string s = drivername + "://";
    if (username) {
        s += rfc1738_quote(*username);
        if (password) s += ":***";
        s += '@';
    }
    if (host) {
        if (host->find(':') != std::string::npos)
            s += "[" + *host + "]";
        else
            s += *host;
    }
    if (port) s += ":" + std::to_string(*port);
    if (database) s += "/" + *database;
    if (!query.empty()) {
        char sep = '?';
        for (const auto& [key, value] : query) {
            s += sep;
            s += key + "=" + value;
            sep = '&';
        }
    }
    return s;
}

} // namespace ormsh::engine
