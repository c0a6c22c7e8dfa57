// A database URL as SQLAlchemy spells it: dialect[+driver]://user:password@host:port/database
// ?key=value. The password is kept but never rendered by to_string(), so a URL is safe to
// print in banners, errors and echo output.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace ormsh::engine {

struct Url {
    std::string drivername; // as written before "://": "sqlite", "postgresql+psycopg2"
    std::string backend;    // the dialect part, normalised: "sqlite", "postgresql"
    std::string driver;     // the part after '+', or empty
    std::optional<std::string> username;
    std::optional<std::string> password;
    std::optional<std::string> host;
    std::optional<int> port;
    // For SQLite: the file path ("" or ":memory:" means in-memory); otherwise the database name.
    std::optional<std::string> database;
    std::map<std::string, std::string> query;

    // Parses the URL; throws ArgumentError naming the problem when it is malformed.
    static Url parse(std::string_view text);

    // The URL with the password masked as "***", as SQLAlchemy's repr(url) does.
    std::string to_string() const;
};

} // namespace ormsh::engine
