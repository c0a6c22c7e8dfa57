// The one exception type the text library throws. It carries the Python exception class the
// interpreter should raise and CPython's exact message, so the library stays free of
// interpreter objects while errors still read the way Python users know them.
#pragma once

#include <stdexcept>
#include <string>

namespace ormsh::lang::text {

// The Python exception classes this library can ask for.
enum class ErrorKind { ValueError, TypeError, OverflowError, ZeroDivisionError, KeyError };

class FormatError : public std::runtime_error {
public:
    FormatError(ErrorKind kind, const std::string& message)
        : std::runtime_error(message), kind_(kind) {}
    ErrorKind kind() const { return kind_; }
    // "ValueError", "TypeError", ... for messages and tests.
    const char* kind_name() const {
        switch (kind_) {
        case ErrorKind::ValueError:
            return "ValueError";
        case ErrorKind::TypeError:
            return "TypeError";
        case ErrorKind::OverflowError:
            return "OverflowError";
        case ErrorKind::ZeroDivisionError:
            return "ZeroDivisionError";
        case ErrorKind::KeyError:
            return "KeyError";
        }
        return "ValueError";
    }

private:
    ErrorKind kind_;
};

[[noreturn]] inline void throw_value_error(const std::string& m) {
    throw FormatError(ErrorKind::ValueError, m);
}
[[noreturn]] inline void throw_type_error(const std::string& m) {
    throw FormatError(ErrorKind::TypeError, m);
}
[[noreturn]] inline void throw_overflow_error(const std::string& m) {
    throw FormatError(ErrorKind::OverflowError, m);
}

} // namespace ormsh::lang::text
