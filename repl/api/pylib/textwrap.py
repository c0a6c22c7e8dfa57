"""textwrap for ormsh: wrap, fill, shorten, dedent and indent with CPython's line breaking
(words break after hyphens inside words; whitespace runs become one space), written in the
language itself. argparse formats its help with it."""

_WHITESPACE = "\t\n\x0b\x0c\r "


def _is_word_char(c):
    return c.isalnum() or c == "_"


def _is_letter(c):
    return c.isalpha() or c == "_"


def _ends_sentence_part(c):
    return _is_word_char(c) or c in "!\"'&.,?"


def _hyphen_breaks_after(word, k):
    """Whether a word breaks after its hyphen at k: letters on both sides, as in
    "well-known" or "a-b-c" (not "-x", "x-1" or "1-2")."""
    before = (k >= 2 and _is_letter(word[k - 1]) and _is_letter(word[k - 2])) or (
        k >= 3 and _is_letter(word[k - 1]) and word[k - 2] == "-" and _is_letter(word[k - 3]))
    if not before or k + 2 >= len(word) + 1:
        return False
    rest = word[k + 1:]
    return len(rest) >= 2 and _is_letter(rest[0]) and (
        _is_letter(rest[1]) or len(rest) >= 3 and rest[1] == "-" and _is_letter(rest[2]))


def _split_word(word):
    """A word's chunks: breaks after inner hyphens, and around em-dashes ("--")."""
    chunks = []
    start = 0
    k = 1
    while k < len(word):
        if word[k] == "-":
            run = k
            while run < len(word) and word[run] == "-":
                run += 1
            if (run - k >= 2 and _ends_sentence_part(word[k - 1]) and run < len(word)
                    and _is_word_char(word[run])):
                chunks.append(word[start:k])
                chunks.append(word[k:run])
                start = run
                k = run + 1
                continue
            if run - k == 1 and _hyphen_breaks_after(word, k):
                chunks.append(word[start:k + 1])
                start = k + 1
                k += 2
                continue
        k += 1
    chunks.append(word[start:])
    return [c for c in chunks if c]


def _split_chunks(text, break_on_hyphens):
    """Whitespace runs and words (split further by _split_word when breaking on hyphens)."""
    chunks = []
    i = 0
    n = len(text)
    while i < n:
        j = i
        if text[i] in _WHITESPACE:
            while j < n and text[j] in _WHITESPACE:
                j += 1
            chunks.append(text[i:j])
            i = j
            continue
        while j < n and text[j] not in _WHITESPACE:
            j += 1
        word = text[i:j]
        i = j
        if break_on_hyphens:
            chunks.extend(_split_word(word))
        else:
            chunks.append(word)
    return chunks


class TextWrapper:
    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for c in _WHITESPACE:
                text = text.replace(c, " ")
        return text

    def _handle_long_word(self, chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(chunks.pop())

    def _wrap_chunks(self, chunks):
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        lines = []
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                chunks.pop()
            while chunks:
                length = len(chunks[-1])
                if cur_len + length <= width:
                    cur_line.append(chunks.pop())
                    cur_len += length
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(len(c) for c in cur_line)
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                cur_line.pop()
            if cur_line:
                if (self.max_lines is None or len(lines) + 1 < self.max_lines
                        or (not chunks or self.drop_whitespace and len(chunks) == 1
                            and not chunks[0].strip()) and cur_len <= width):
                    lines.append(indent + "".join(cur_line))
                else:
                    while cur_line:
                        if (cur_line[-1].strip()
                                and cur_len + len(self.placeholder) <= width):
                            cur_line.append(self.placeholder)
                            lines.append(indent + "".join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        cur_line.pop()
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines

    def wrap(self, text):
        chunks = _split_chunks(self._munge_whitespace(text), self.break_on_hyphens)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    wrapper = TextWrapper(width=width, max_lines=1, **kwargs)
    return wrapper.fill(" ".join(text.strip().split()))


def dedent(text):
    lines = text.split("\n")
    margin = None
    for line in lines:
        stripped = line.lstrip(" \t")
        if not stripped:
            continue
        indent = line[:len(line) - len(stripped)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            common = 0
            for a, b in zip(margin, indent):
                if a != b:
                    break
                common += 1
            margin = margin[:common]
    out = []
    for line in lines:
        if not line.strip(" \t"):
            out.append("")
        elif margin:
            out.append(line[len(margin):])
        else:
            out.append(line)
    return "\n".join(out)


def indent(text, prefix, predicate=None):
    if predicate is None:
        def predicate(line):
            return line.strip()
    return "".join(prefix + line if predicate(line) else line
                   for line in text.splitlines(True))
