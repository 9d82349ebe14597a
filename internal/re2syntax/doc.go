// Package re2syntax translates a Go regular expression, as parsed by the
// standard regexp/syntax package, into pattern text for RE2: Translate for
// RE2 compiled in Latin-1 mode (RE2 options: Latin1 encoding, Perl syntax,
// case sensitive, never_nl=false), exact on every text once sanitised;
// TranslateUTF8 for RE2's UTF-8 mode, exact on valid UTF-8 texts only
// (see its doc; runes.go). What a class or a case-folded literal holds is
// always decided by Go (its tables, its folding), never by RE2's.
//
// The rest of this comment is about the Latin-1 translation.
//
// In Latin-1 mode RE2 matches bytes: every character of the pattern is one
// byte and \xHH denotes byte 0xHH. The translated pattern therefore spells
// out the UTF-8 encoding of everything the Go expression can match.
//
// # Contract
//
// The translation of re matches a byte string exactly as Go's regexp
// package matches re against the original bytes, provided that the input
// has first been passed through [Sanitize]: every byte that Go's UTF-8
// decoding treats as invalid (utf8.DecodeRune returns RuneError with width 1)
// is replaced by 0xFF, a byte that never occurs in valid UTF-8. Go treats
// such a byte as U+FFFD of width 1, so wherever the Go expression can match
// U+FFFD the translation also accepts the single byte 0xFF (in addition to
// the UTF-8 encoding EF BF BD of U+FFFD itself).
//
// The translation relies on this: after the first byte of a multibyte
// character it may accept bytes that cannot occur there in sanitized input
// (for example "(?s:.)" for a byte that is any continuation byte), which
// keeps big classes such as \pL or [^a] short. It is therefore exact only
// on sanitized input.
//
// Every non-empty match of the translation starts and ends on a character
// boundary of the sanitized input. An empty match, however, can be reported
// at a position inside a multibyte character (a byte 0x80-0xBF), which Go
// never does; callers must ignore such an empty match and resume the search
// at the next position.
//
// Capture groups are emitted as plain "(...)" in the order in which they
// occur in re, so RE2's group numbers equal Go's. Group names are not
// emitted.
package re2syntax
