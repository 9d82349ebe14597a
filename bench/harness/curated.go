package harness

import (
	"strings"
	"unicode/utf8"
)

// The Curated family: rebar's curated benchmark groups
// (github.com/BurntSushi/rebar, benchmarks/definitions/curated), each case
// with rebar's pattern and measurement model (models.go), and rebar's
// haystack where its licence allows (the Sherlock Holmes stories, the
// Cloudflare ReDoS text, the quadratic one); otherwise generated text of
// the same kind (curatedtext.go, codetext.go, russian.go). Go's syntax has
// no Unicode-aware \w, \d, \s or \b: where rebar relies on them in Unicode
// mode, the case spells the class out ([\pL\pN_]) or keeps Go's ASCII
// meaning, as a Go program would. rebar's groups lexer-veryl and
// unicode-character-data are left out.

// Patterns of the Curated family that are too long to write inline.
const (
	ruffNoqa        = `(\s*)((?:# [Nn][Oo][Qq][Aa])(?::\s?(([A-Z]+[0-9]+(?:[,\s]+)?)+))?)`
	ruffNoqaTweaked = `(?:# [Nn][Oo][Qq][Aa])(?::\s?(([A-Z]+[0-9]+(?:[,\s]+)?)+))?`
	cloudflareReDoS = `(?:(?:"|'|\]|\}|\\|\d|(?:nan|infinity|true|false|null|undefined|symbol|math)|` + "`" + `|-|\+)+[)]*;?((?:\s|-|~|!|\{\}|\|\||\+)*.*(?:.*=.*)))`
	awsKeysFull     = `(('|")((?:ASIA|AKIA|AROA|AIDA)([A-Z0-7]{16}))('|").*?(\n^.*?){0,4}(('|")[a-zA-Z0-9+/]{40}('|"))+|('|")[a-zA-Z0-9+/]{40}('|").*?(\n^.*?){0,3}('|")((?:ASIA|AKIA|AROA|AIDA)([A-Z0-7]{16}))('|"))+`
	awsKeysQuick    = `((?:ASIA|AKIA|AROA|AIDA)([A-Z0-7]{16}))`
	boundedContext  = `[A-Za-z]{10}\s+[\s\S]{0,100}Result[\s\S]{0,100}\s+[A-Za-z]{10}`
	boundedCapitals = `(?:[A-Z][a-z]+\s*){10,100}`
	bibleRef        = `(?P<Book>(([1234]|I{1,4})[\t\f\pZ]*)?\pL+\.?)[\t\f\pZ]+(?P<Locations>((?P<Chapter>1?[0-9]?[0-9])(-(?P<ChapterEnd>\d+)|,\s*(?P<ChapterNext>\\d+))*(:\s*(?P<Verse>\d+))?(-(?P<VerseEnd>\d+)|,\s*(?P<VerseNext>\d+))*\s?)+)`
	bibleRefShort   = "Gen 1:1, 2\n3 King 1:3-4\nII Ki. 3:12-14, 25\n"
	unstructuredRE  = `^([^ ]+ [^ ]+) ([DIWEF])[1234]: ((?:(?:\[[^\]]*?\]|\([^\)]*?\)): )*)(.*?) \{([^\}]*)\}$`
	quadraticRE     = `.*[^A-Z]|[A-Z]`
)

var (
	literalEN = []string{"Sherlock Holmes", "John Watson", "Irene Adler", "Inspector Lestrade", "Professor Moriarty"}
	literalRU = []string{"Шерлок Холмс", "Джон Уотсон", "Ирен Адлер", "инспектор Лестрейд", "профессор Мориарти"}
)

// longWords are the words of 12 or more letters of the stories, rebar's
// dictionary of long words in small.
func longWords() []string {
	var out []string
	for _, w := range englishVocabulary() {
		if utf8.RuneCountInString(w) >= 12 {
			out = append(out, w)
		}
	}
	return dictionaryWords(out, len(out), 2)
}

// longWordText is English prose of common words only, with one long word
// in its middle: the dictionary case's single match.
func longWordText(n int) []byte {
	return cached("long-word", n, func(n int) []byte {
		ws := longWords()
		prose := proseText(n)
		mid := n / 2
		for mid < len(prose) && prose[mid] != ' ' {
			mid++
		}
		out := append([]byte(nil), prose[:mid]...)
		out = append(out, ' ')
		out = append(out, ws[len(ws)/2]...)
		return append(out, prose[mid:]...)
	})
}

// curatedCase is one case of the family.
type curatedCase struct {
	group, name string
	setup       func(p Preset) func(e *Engine) (*Run, error)
}

func curatedCases() []curatedCase {
	en := func(p Preset) func() []byte { return sized(sherlockSized, p.CuratedSize) }
	ru := func(p Preset) func() []byte { return sized(russianProse, p.CuratedSize) }
	zh := func(p Preset) func() []byte { return sized(chineseProse, p.CuratedSize) }
	py := func(p Preset) func() []byte { return sized(pythonSource, p.CuratedSize) }
	rs := func(p Preset) func() []byte { return sized(rustSource, p.CuratedSize) }
	count := func(re string, text func(Preset) func() []byte) func(Preset) func(*Engine) (*Run, error) {
		return func(p Preset) func(*Engine) (*Run, error) { return textModel(re, text(p), countMatches) }
	}
	spans := func(re string, text func(Preset) func() []byte) func(Preset) func(*Engine) (*Run, error) {
		return func(p Preset) func(*Engine) (*Run, error) { return textModel(re, text(p), countSpans) }
	}
	captures := func(re string, text func(Preset) func() []byte) func(Preset) func(*Engine) (*Run, error) {
		return func(p Preset) func(*Engine) (*Run, error) { return textModel(re, text(p), countCaptures) }
	}
	grep := func(re string, text func(Preset) func() []byte) func(Preset) func(*Engine) (*Run, error) {
		return func(p Preset) func(*Engine) (*Run, error) { return lineModel(re, text(p), grepCount) }
	}
	grepCapt := func(re string, text func(Preset) func() []byte) func(Preset) func(*Engine) (*Run, error) {
		return func(p Preset) func(*Engine) (*Run, error) { return lineModel(re, text(p), grepCaptures) }
	}
	compile := func(re func() string, haystack string) func(Preset) func(*Engine) (*Run, error) {
		return func(Preset) func(*Engine) (*Run, error) { return compileCase(re, haystack) }
	}
	fixed := func(s string) func(Preset) func() []byte {
		return func(Preset) func() []byte { return constant([]byte(s)) }
	}
	pattern := func(s string) func() string { return func() string { return s } }
	nosey := func() string { return strings.Join(NoseyParkerRules().Patterns, "|") }

	return []curatedCase{
		{"literal", "sherlock-en", count(literalEN[0], en)},
		{"literal", "sherlock-casei-en", count("(?i)"+literalEN[0], en)},
		{"literal", "sherlock-ru", count(literalRU[0], ru)},
		{"literal", "sherlock-casei-ru", count("(?i)"+literalRU[0], ru)},
		{"literal", "sherlock-zh", count(chineseNames[0], zh)},

		{"literal-alternate", "sherlock-en", count(strings.Join(literalEN, "|"), en)},
		{"literal-alternate", "sherlock-casei-en", count("(?i)"+strings.Join(literalEN, "|"), en)},
		{"literal-alternate", "sherlock-ru", count(strings.Join(literalRU, "|"), ru)},
		{"literal-alternate", "sherlock-casei-ru", count("(?i)"+strings.Join(literalRU, "|"), ru)},
		{"literal-alternate", "sherlock-zh", count(strings.Join(chineseNames, "|"), zh)},

		// rebar runs it on Rust's sources; here on the stories and a log,
		// both rich in dates and numbers, an eighth of the size of the
		// other texts (the standard library scans it at about 50 KB/s).
		{"date", "ascii", func(p Preset) func(*Engine) (*Run, error) {
			text := func() []byte {
				return cached("date-text", p.CuratedSize/8, func(n int) []byte {
					return append(append([]byte(nil), sherlockSized(n/2)...), opsLog(n-n/2)...)
				})
			}
			return textModel("(?i)"+datePattern(), text, countSpans)
		}},
		{"date", "compile-ascii", compile(func() string { return "(?i)" + datePattern() }, "2010-03-14")},

		{"ruff-noqa", "real", grepCapt(ruffNoqa, py)},
		{"ruff-noqa", "tweaked", grepCapt(ruffNoqaTweaked, py)},
		{"ruff-noqa", "compile-real", compile(pattern(ruffNoqa), "# noqa")},

		{"cloud-flare-redos", "original", spans(cloudflareReDoS, fixed("math x="+strings.Repeat("x", 100)))},
		{"cloud-flare-redos", "simplified-short", spans(`.*.*=.*`, fixed("x="+strings.Repeat("x", 100)))},
		{"cloud-flare-redos", "simplified-long", spans(`.*.*=.*`, fixed("x="+strings.Repeat("x", 9998)+"\n"))},

		{"words", "all-english", spans(`\b[0-9A-Za-z_]+\b`, en)},
		{"words", "all-russian", spans(`[\pL\pN_]+`, ru)},
		{"words", "long-english", spans(`\b[0-9A-Za-z_]{12,}\b`, en)},
		{"words", "long-russian", spans(`[\pL\pN_]{12,}`, ru)},

		{"aws-keys", "full", grepCapt(awsKeysFull, py)},
		{"aws-keys", "quick", grep(awsKeysQuick, py)},
		{"aws-keys", "compile-full", compile(pattern(awsKeysFull), `"AIDAABCDEFGHIJKLMNOP""aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"`)},
		{"aws-keys", "compile-quick", compile(pattern(awsKeysQuick), "AIDAABCDEFGHIJKLMNOP")},

		{"bounded-repeat", "letters-en", count(`[A-Za-z]{8,13}`, en)},
		{"bounded-repeat", "letters-ru", count(`\p{L}{8,13}`, ru)},
		{"bounded-repeat", "context", count(boundedContext, rs)},
		{"bounded-repeat", "capitals", count(boundedCapitals, rs)},
		{"bounded-repeat", "compile-context", compile(pattern(boundedContext), "abcdefghij blah blah blah Result blib blab klmnopqrst")},
		{"bounded-repeat", "compile-capitals", compile(pattern(boundedCapitals), "Crazy Janey Mission Man Wild Billy Greasy Lake Hazy Davy Killer Joe")},

		{"bibleref", "compile", compile(pattern(bibleRef), bibleRefShort)},
		{"bibleref", "short", captures(bibleRef, fixed(bibleRefShort))},
		{"bibleref", "long", captures(bibleRef, en)},
		{"bibleref", "line", grepCapt(bibleRef, en)},

		{"unstructured-to-json", "extract", grepCapt(unstructuredRE, func(p Preset) func() []byte {
			return sized(unstructuredLog, min(p.CuratedSize, 32*kiB))
		})},
		{"unstructured-to-json", "compile", compile(pattern(unstructuredRE), "2022/06/17 06:25:22 I4: [17936:140245395805952:(17998)]: (8fb074fc-c766-498b-b224-8b660126b2c0): Searching for query 'dummy query' {/src/master/mastersearchattrs.cc:MasterSearchAttributes():40}")},

		{"dictionary", "single", func(p Preset) func(*Engine) (*Run, error) {
			return textModel(alternation(longWords()), sized(longWordText, min(p.CuratedSize, 64*kiB)), countMatches)
		}},
		{"dictionary", "compile-single", compile(func() string { return alternation(longWords()) }, "Zubeneschamali's")},

		// A quarter of the size of the other texts: the standard library
		// scans the alternation at about 100 KB/s.
		{"noseyparker", "single", func(p Preset) func(*Engine) (*Run, error) {
			return textModel(nosey(), sized(pythonSource, p.CuratedSize/4), countMatches)
		}},
		{"noseyparker", "multi", func(p Preset) func(*Engine) (*Run, error) {
			return eachPattern(NoseyParkerRules().Patterns, sized(pythonSource, p.CuratedSize/4))
		}},
		{"noseyparker", "compile-single", compile(nosey, "TWITTER_API_KEY = 'UZYoBAfBzNace3mBwPOGYw'")},

		{"quadratic", "1x", count(quadraticRE, fixed(strings.Repeat("A", 100)))},
		{"quadratic", "2x", count(quadraticRE, fixed(strings.Repeat("A", 200)))},
		{"quadratic", "10x", count(quadraticRE, fixed(strings.Repeat("A", 1000)))},
	}
}

// eachPattern counts the matches of every pattern in turn, as a program
// without a set of patterns does (rebar's multi cases).
func eachPattern(patterns []string, text func() []byte) func(e *Engine) (*Run, error) {
	return func(e *Engine) (*Run, error) {
		res := make([]Regexp, len(patterns))
		for i, p := range patterns {
			re, err := e.Compile(p)
			if err != nil {
				return nil, err
			}
			res[i] = re
		}
		in := text()
		total := func() int {
			n := 0
			for _, re := range res {
				n += countMatches(re, in)
			}
			return n
		}
		return &Run{
			Op:     func() { total() },
			Result: func() string { return digest(total()) },
		}, nil
	}
}

func init() {
	addFamily(Family{Name: "Curated", Cases: func(p Preset) []Case {
		var cs []Case
		for _, c := range curatedCases() {
			cs = append(cs, Case{
				Name:  "group=" + c.group + "/case=" + c.name,
				Setup: c.setup(p),
			})
		}
		return cs
	}})
}
