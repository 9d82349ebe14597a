package harness

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The generated texts: their sizes, that a shorter text is the start of a
// longer one, that they are valid UTF-8, and that the matches the suites
// rely on are there.

var generators = map[string]func(int) []byte{
	"opsLog":           opsLog,
	"russianProse":     russianProse,
	"multilingualText": multilingualText,
	"chineseProse":     chineseProse,
	"pythonSource":     pythonSource,
	"rustSource":       rustSource,
	"sherlockSized":    sherlockSized,
}

func TestGeneratedTexts(t *testing.T) {
	for name, gen := range generators {
		small, large := gen(10_000), gen(100_000)
		if len(large) > 100_000 || len(large) < 100_000-3 {
			t.Errorf("%s(100000) has %d bytes", name, len(large))
		}
		if !bytes.HasPrefix(large, small) {
			t.Errorf("%s(10000) is not the start of %s(100000)", name, name)
		}
		if !utf8.Valid(large) {
			t.Errorf("%s is not valid UTF-8", name)
		}
	}
}

// TestLogMatches checks that each Logs pattern but x-digits-y matches
// the 1 MiB log, and none the first 64 KiB but ipv4 and jwt: the rare
// lines are where they are meant to be.
func TestLogMatches(t *testing.T) {
	small, large := opsLog(64*kiB), opsLog(1*miB)
	for _, p := range logPatterns {
		re := regexp.MustCompile(p.re)
		n := len(re.FindAllIndex(large, -1))
		inSmall := re.Match(small)
		t.Logf("%-14s %5d matches in 1 MiB, in the first 64 KiB: %v", p.name, n, inSmall)
		switch p.name {
		case "x-digits-y":
			if n != 0 {
				t.Errorf("%s: %d matches, want none", p.name, n)
			}
		case "ipv4", "jwt":
			if !inSmall {
				t.Errorf("%s: no match in the first 64 KiB", p.name)
			}
		default:
			if n == 0 || n > 10 {
				t.Errorf("%s: %d matches in 1 MiB, want a few", p.name, n)
			}
			if inSmall {
				t.Errorf("%s: a match in the first 64 KiB", p.name)
			}
		}
	}
}

func TestMultilingualScripts(t *testing.T) {
	text := string(multilingualText(64 * kiB))
	for _, table := range []*unicode.RangeTable{unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Han,
		unicode.Hiragana, unicode.Katakana, unicode.Arabic, unicode.Hangul} {
		if !strings.ContainsFunc(text, func(r rune) bool { return unicode.Is(table, r) }) {
			t.Errorf("no character of a script in 64 KiB of multilingual text")
		}
	}
	if n := len(regexp.MustCompile(`(?i)шерлок|холмс`).FindAllString(text, -1)); n == 0 {
		t.Error("no Шерлок or Холмс in the multilingual text")
	}
}

func TestDictionaries(t *testing.T) {
	for _, lang := range dictLanguages {
		for _, n := range dictWordCounts {
			ws := dictionaryWords(lang.vocab(), n, 1)
			if len(ws) != n {
				t.Errorf("%s: %d words, want %d", lang.name, len(ws), n)
			}
			for i := 1; i < len(ws); i++ {
				if utf8.RuneCountInString(ws[i]) > utf8.RuneCountInString(ws[i-1]) {
					t.Fatalf("%s: words not sorted longest first: %q before %q", lang.name, ws[i-1], ws[i])
				}
			}
		}
	}
	t.Logf("%d English words (%d of 12 letters or more), %d Russian words",
		len(englishVocabulary()), len(longWords()), len(ruVocabulary()))
	if n := len(regexp.MustCompile(alternation(longWords())).FindAllIndex(longWordText(64*kiB), -1)); n != 1 {
		t.Errorf("the long-word text has %d matches of the long words, want 1", n)
	}
}

func TestNoseyParker(t *testing.T) {
	np := NoseyParkerRules()
	if len(np.Patterns) < 90 || len(np.Rejected) != 1 {
		t.Errorf("%d patterns, %d rejected; want 95 and 1", len(np.Patterns), len(np.Rejected))
	}
	if _, err := regexp.Compile(strings.Join(np.Patterns, "|")); err != nil {
		t.Error(err)
	}
}

func TestUnstructuredLog(t *testing.T) {
	re := regexp.MustCompile(unstructuredRE)
	ls := splitLines(unstructuredLog(32 * kiB))
	for _, l := range ls {
		if !re.Match(l) {
			t.Fatalf("line does not match: %s", l)
		}
	}
}

func TestSplitLines(t *testing.T) {
	got := lineStrings([]byte("a\r\nb\n\nc"))
	if strings.Join(got, "|") != "a|b||c" {
		t.Errorf("lineStrings = %q", got)
	}
	if got := lineStrings([]byte("a\n")); len(got) != 1 {
		t.Errorf("lineStrings(a\\n) = %q", got)
	}
}
