package plan

import (
	"strings"
	"testing"
	"time"
)

// A factor moves towards what calls measure, an eighth of the way at a
// time, each call counting for at most twice or half the factor, within
// [1/16, 16].
func TestCalibrationObserve(t *testing.T) {
	var c calibration
	if f := c.factor(Std); f != unit {
		t.Fatalf("unmeasured factor %d, want %d", f, unit)
	}
	c.observe(Std, 100, 400*time.Nanosecond) // 4x, counted as 2x
	if got, want := c.factor(Std), unit+unit/8; got != want {
		t.Errorf("after one call at 4x: factor %d, want %d", got, want)
	}
	if c.factor(RE2) != unit {
		t.Errorf("RE2's factor moved with the standard library's: %d", c.factor(RE2))
	}
	for range 200 {
		c.observe(Std, 100, 300*time.Nanosecond)
	}
	if got := c.factor(Std); got < 3*unit*9/10 || got > 3*unit {
		t.Errorf("after calls at 3x: factor %d, want about %d", got, 3*unit)
	}
	for range 500 {
		c.observe(RE2, 1000, time.Nanosecond)
	}
	if got := c.factor(RE2); got != minFactor {
		t.Errorf("after calls at 1/1000: factor %d, want the floor %d", got, minFactor)
	}
	for range 500 {
		c.observe(RE2, 1, time.Second)
	}
	if got := c.factor(RE2); got < maxFactor*99/100 || got > maxFactor {
		t.Errorf("after calls at 1e9x: factor %d, want the ceiling %d", got, maxFactor)
	}
	std, re2 := c.scale(1000, 1000)
	if std < 2700 || std > 3000 || re2 < 15800 || re2 > 16000 {
		t.Errorf("scale(1000, 1000) = %d, %d; want about 3000 and 16000", std, re2)
	}
}

// The factors turn the model's choice where it errs: a call the model
// gives the standard library's matcher goes to RE2 once the standard
// library's calls have been measured slower than RE2's estimate, and back.
func TestCalibrationTurnsTheChoice(t *testing.T) {
	m := mustNew(t, `^[a-z.]+@[a-z.]+\.[a-z]{2,}$`)
	text := "jane@example.org"
	if _, err := Find(m, strings.Repeat("x", 5000)+text, 0); err != nil { // compiles RE2
		t.Fatal(err)
	}
	w := work{n: len(text), handed: len(text), before: len(text)}
	if prefer, decided, _, _ := m.preferStd(w, 0); !prefer || !decided {
		t.Fatalf("model: prefer the standard library %v, by the estimates %v; want true, true", prefer, decided)
	}
	std, re2 := m.costs(w, 0)
	for range 100 {
		m.calibration.observe(Std, std, time.Duration(3*re2)*time.Nanosecond)
	}
	if prefer, _, _, _ := m.preferStd(w, 0); prefer {
		t.Error("the standard library's matcher is still preferred, measured at 3 times RE2's estimate")
	}
	for range 100 {
		m.calibration.observe(RE2, re2, time.Duration(10*std)*time.Nanosecond)
	}
	if prefer, _, _, _ := m.preferStd(w, 0); !prefer {
		t.Error("RE2 is still preferred, measured at 10 times the standard library's estimate")
	}
}

// Calls time themselves in a sample and update the factor of the engine
// that ran them.
func TestCallsAreSampled(t *testing.T) {
	m := mustNew(t, `(\w+)=(\d+)\b`) // \b: no shape, no chain
	for range 20 * sampleEvery {
		if _, err := Find(m, "key=42", 3); err != nil {
			t.Fatal(err)
		}
	}
	if m.calibration.std.Load() == 0 {
		t.Errorf("no call of %d was timed", 20*sampleEvery)
	}
	nominal(t)
	m = mustNew(t, `(\w+)=(\d+)\b`) // \b: no shape, no chain
	for range 20 * sampleEvery {
		Find(m, "key=42", 3)
	}
	if m.calibration.std.Load() != 0 || m.calibration.re2.Load() != 0 {
		t.Error("calls were timed with calibration off")
	}
}
