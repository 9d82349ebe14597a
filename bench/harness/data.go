package harness

import (
	_ "embed"
	"regexp"
	"strings"
	"sync"
)

// Data from elsewhere, embedded (origins and licences in data/README.md).

// sherlockText is The Adventures of Sherlock Holmes from Project Gutenberg
// (rebar's sherlock.txt, CRLF line ends, licence text included).
//
//go:embed data/sherlock.txt
var sherlockText string

//go:embed data/noseyparker.txt
var noseyparkerFile string

//go:embed data/date.txt
var dateFile string

// datePattern is datefinder's DATES_PATTERN as rebar flattened it.
func datePattern() string { return strings.TrimSpace(dateFile) }

// NoseyParker is the outcome of reading Nosey Parker's rules.
type NoseyParker struct {
	// Patterns are those the standard library compiles, in file order.
	Patterns []string
	// Rejected are those it does not (a repeat count over 1000).
	Rejected []string
}

var noseyparkerOnce = sync.OnceValue(func() *NoseyParker {
	np := &NoseyParker{}
	for _, line := range strings.Split(noseyparkerFile, "\n") {
		if line == "" {
			continue
		}
		if _, err := regexp.Compile(line); err != nil {
			np.Rejected = append(np.Rejected, line)
			continue
		}
		np.Patterns = append(np.Patterns, line)
	}
	return np
})

// NoseyParkerRules returns Nosey Parker's secret-detection patterns.
func NoseyParkerRules() *NoseyParker { return noseyparkerOnce() }

// sherlockBody is the book without Project Gutenberg's header and licence,
// with LF line ends: the prose itself.
var sherlockBody = sync.OnceValue(func() string {
	s := strings.ReplaceAll(sherlockText, "\r\n", "\n")
	if _, rest, ok := strings.Cut(s, "*** START OF THIS PROJECT GUTENBERG EBOOK"); ok {
		if _, rest, ok = strings.Cut(rest, "\n"); ok {
			s = rest
		}
	}
	if body, _, ok := strings.Cut(s, "*** END OF THIS PROJECT GUTENBERG EBOOK"); ok {
		s = body
	}
	return strings.TrimSpace(s) + "\n"
})

// sherlockSized is the book's prose repeated or cut to n bytes (cut at a
// character boundary).
func sherlockSized(n int) []byte {
	return cached("sherlock", n, func(n int) []byte { return repeatRunes(sherlockBody(), n) })
}

// repeatRunes repeats s to n bytes, or a few bytes fewer where the cut
// would split a character.
func repeatRunes(s string, n int) []byte {
	if s == "" {
		return nil
	}
	return cutRunes(strings.Repeat(s, n/len(s)+1), n)
}
