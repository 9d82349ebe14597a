package harness

import (
	"math"
	"math/rand/v2"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Russian text, generated: no Russian word list or corpus with a clear
// licence was at hand (rebar's Russian haystacks come from OpenSubtitles,
// whose licence is unclear), so words are made of Russian syllables by a
// seeded generator, and prose is made of those words with a Zipf-like
// frequency, plus the short function words of the language. The text
// looks Russian to a regex engine: Cyrillic letters (two bytes each in
// UTF-8), capitals at sentence starts, punctuation, dashes and guillemets.

var (
	ruOnsets  = strings.Fields("б в г д ж з к л м н п р с т ф х ц ч ш щ бр вр гр др кр пр тр ст сп ск зв пл кл гл сл")
	ruVowels  = strings.Fields("а о е и у ы я ю э ё")
	ruCodas   = append(strings.Fields("н л р с т к м й ть сть нь"), "", "", "", "", "", "")
	ruEndings = strings.Fields("а о е и ы ой ый ий ая ое ие ам ом ем ов ах ать ить ет ут ют ал ла ли ость ение")
	// ruFunction are frequent short words, kept as they are.
	ruFunction = strings.Fields("и в не на я что он с как а то все она так его но да ты к у же вы за бы по только её мне было вот от меня ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет")
)

// ruVocabulary is the generated vocabulary: distinct words, the most
// frequent first.
var ruVocabulary = sync.OnceValue(func() []string {
	r := newRand(21)
	seen := map[string]bool{}
	var out []string
	for _, w := range ruFunction {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for len(out) < 20000 {
		var sb strings.Builder
		for range 1 + r.IntN(3) {
			sb.WriteString(ruOnsets[r.IntN(len(ruOnsets))])
			sb.WriteString(ruVowels[r.IntN(len(ruVowels))])
			sb.WriteString(ruCodas[r.IntN(len(ruCodas))])
		}
		if r.IntN(3) > 0 {
			sb.WriteString(ruEndings[r.IntN(len(ruEndings))])
		}
		w := sb.String()
		if utf8.RuneCountInString(w) < 3 || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
})

// zipf picks indexes in [0, n) with probability about 1/(i+1).
type zipf struct {
	r   *rand.Rand
	max float64
}

func newZipf(r *rand.Rand, n int) *zipf { return &zipf{r: r, max: math.Log(float64(n) + 1)} }

func (z *zipf) next() int { return int(math.Exp(z.r.Float64()*z.max)) - 1 }

// capitalize upper-cases the first letter of w.
func capitalize(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

// proseWriter writes sentences of words, wrapped at about 72 characters.
type proseWriter struct {
	sb    strings.Builder
	r     *rand.Rand
	col   int
	start bool
}

func (p *proseWriter) word(w string) {
	if p.start {
		w = capitalize(w)
		p.start = false
	}
	n := utf8.RuneCountInString(w)
	if p.col > 0 {
		if p.col+n > 72 {
			p.sb.WriteByte('\n')
			p.col = 0
		} else {
			p.sb.WriteByte(' ')
			p.col++
		}
	}
	p.sb.WriteString(w)
	p.col += n
}

// punct appends punctuation to the last word; a full stop starts a new
// sentence.
func (p *proseWriter) punct(s string, endsSentence bool) {
	p.sb.WriteString(s)
	p.col += utf8.RuneCountInString(s)
	p.start = p.start || endsSentence
}

// russianProse is n bytes of generated Russian prose (cut at a character
// boundary; a shorter text is the start of a longer one). One sentence in
// about 40 names Sherlock Holmes or one of his circle, in Russian.
func russianProse(n int) []byte {
	return cached("ru-prose", n, func(n int) []byte {
		vocab := ruVocabulary()
		p := &proseWriter{r: newRand(22), start: true}
		z := newZipf(p.r, len(vocab))
		names := []string{"Шерлок Холмс", "Джон Уотсон", "Ирен Адлер", "инспектор Лестрейд", "профессор Мориарти", "Холмс", "Уотсон"}
		p.sb.Grow(n + 256)
		for p.sb.Len() < n+4 {
			if p.r.IntN(40) == 0 {
				for _, w := range strings.Fields(names[p.r.IntN(len(names))]) {
					p.word(w)
				}
			}
			for i, nw := 0, 4+p.r.IntN(12); i < nw; i++ {
				p.word(vocab[min(z.next(), len(vocab)-1)])
				if i < nw-1 && p.r.IntN(10) == 0 {
					p.punct(",", false)
				}
			}
			switch k := p.r.IntN(20); {
			case k == 0:
				p.punct("?", true)
			case k == 1:
				p.punct("!", true)
			case k == 2:
				p.punct(" —", false)
			default:
				p.punct(".", true)
			}
		}
		return cutRunes(p.sb.String(), n)
	})
}

// cutRunes returns the first n bytes of s, or fewer where the cut would
// split a character.
func cutRunes(s string, n int) []byte {
	if n >= len(s) {
		return []byte(s)
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return []byte(s[:n])
}
