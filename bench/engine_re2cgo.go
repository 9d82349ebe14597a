//go:build cgo && re2cgo

package bench

/*
#cgo pkg-config: re2
#cgo CXXFLAGS: -std=c++17 -O2
#include <stdlib.h>
#include "engine_re2cgo.h"
*/
import "C"

import (
	"errors"
	"runtime"
	"unsafe"

	"github.com/re2wasm/regexp/bench/harness"
)

// re2-cgo: native RE2 (Debian's libre2-dev, found with pkg-config) through
// cgo and the C ABI of engine_re2cgo.cc. Built only with -tags re2cgo (and
// cgo enabled), so that machines without libre2 leave it out. Patterns are
// given to RE2 as they are: RE2's syntax and semantics, not Go's, so its
// results are compared with the standard library's but not required to be
// equal.
func init() {
	harness.Register(harness.Engine{
		Name:    "re2-cgo",
		Note:    "native RE2 (libre2-dev) through cgo",
		Compile: compileRE2,
	})
}

type re2Regexp struct {
	re   unsafe.Pointer
	nsub int // groups + 1
}

func compileRE2(pattern string) (harness.Regexp, error) {
	var cerr *C.char
	re := C.re2cgo_new(cstr(pattern), C.size_t(len(pattern)), &cerr)
	if re == nil {
		msg := C.GoString(cerr)
		C.free(unsafe.Pointer(cerr))
		return nil, errors.New("re2: " + msg)
	}
	r := &re2Regexp{re: re, nsub: int(C.re2cgo_groups(re)) + 1}
	runtime.AddCleanup(r, func(p unsafe.Pointer) { C.re2cgo_delete(p) }, re)
	return r, nil
}

// cstr and cbytes pass Go memory (which holds no pointers) to C for the
// duration of a call.
func cstr(s string) *C.char { return (*C.char)(unsafe.Pointer(unsafe.StringData(s))) }

func cbytes(b []byte) *C.char { return (*C.char)(unsafe.Pointer(unsafe.SliceData(b))) }

func (r *re2Regexp) Match(b []byte) bool {
	ok := C.re2cgo_match(r.re, cbytes(b), C.size_t(len(b)), 0, nil) != 0
	runtime.KeepAlive(r)
	return ok
}

func (r *re2Regexp) MatchString(s string) bool {
	ok := C.re2cgo_match(r.re, cstr(s), C.size_t(len(s)), 0, nil) != 0
	runtime.KeepAlive(r)
	return ok
}

func (r *re2Regexp) find(b []byte, nsub int) []int {
	out := make([]int64, 2*nsub)
	ok := C.re2cgo_match(r.re, cbytes(b), C.size_t(len(b)), C.int(nsub), (*C.int64_t)(unsafe.Pointer(&out[0]))) != 0
	runtime.KeepAlive(r)
	if !ok {
		return nil
	}
	loc := make([]int, len(out))
	for i, v := range out {
		loc[i] = int(v)
	}
	return loc
}

func (r *re2Regexp) FindIndex(b []byte) []int         { return r.find(b, 1) }
func (r *re2Regexp) FindSubmatchIndex(b []byte) []int { return r.find(b, r.nsub) }

// FindStringSubmatch returns the text of the match and of each group ("" for
// a group that is unset), or nil without a match.
func (r *re2Regexp) FindStringSubmatch(s string) []string {
	out := make([]int64, 2*r.nsub)
	ok := C.re2cgo_match(r.re, cstr(s), C.size_t(len(s)), C.int(r.nsub), (*C.int64_t)(unsafe.Pointer(&out[0]))) != 0
	runtime.KeepAlive(r)
	if !ok {
		return nil
	}
	texts := make([]string, r.nsub)
	for i := range texts {
		if out[2*i] >= 0 {
			texts[i] = s[out[2*i]:out[2*i+1]]
		}
	}
	return texts
}

func (r *re2Regexp) findAll(b []byte, nsub, n int) [][]int {
	if n < 0 {
		n = len(b) + 1
	}
	const batch = 64
	buf := make([]int64, batch*2*nsub)
	state := [3]int64{0, -1, 0}
	var out [][]int
	for len(out) < n && state[2] == 0 {
		max := min(batch, n-len(out))
		k := int(C.re2cgo_match_all(r.re, cbytes(b), C.size_t(len(b)), C.int(nsub),
			(*C.int64_t)(unsafe.Pointer(&buf[0])), C.int(max), (*C.int64_t)(unsafe.Pointer(&state[0]))))
		flat := make([]int, k*2*nsub)
		for i := range flat {
			flat[i] = int(buf[i])
		}
		for i := 0; i < k; i++ {
			out = append(out, flat[i*2*nsub:(i+1)*2*nsub:(i+1)*2*nsub])
		}
	}
	runtime.KeepAlive(r)
	return out
}

func (r *re2Regexp) FindAllIndex(b []byte, n int) [][]int         { return r.findAll(b, 1, n) }
func (r *re2Regexp) FindAllSubmatchIndex(b []byte, n int) [][]int { return r.findAll(b, r.nsub, n) }

// ReplaceAll replaces every match with repl, where $1 and ${1} stand for
// the text of a numbered group and $$ for a dollar sign (named groups are
// not supported: the suites use none).
func (r *re2Regexp) ReplaceAll(src, repl []byte) []byte {
	matches := r.findAll(src, r.nsub, -1)
	if len(matches) == 0 {
		return append([]byte(nil), src...)
	}
	out := make([]byte, 0, len(src))
	last := 0
	for _, m := range matches {
		out = append(out, src[last:m[0]]...)
		out = expand(out, repl, src, m)
		last = m[1]
	}
	return append(out, src[last:]...)
}

func expand(dst, tmpl, src []byte, m []int) []byte {
	for i := 0; i < len(tmpl); i++ {
		c := tmpl[i]
		if c != '$' || i+1 == len(tmpl) {
			dst = append(dst, c)
			continue
		}
		i++
		if tmpl[i] == '$' {
			dst = append(dst, '$')
			continue
		}
		brace := tmpl[i] == '{'
		if brace {
			i++
		}
		j := i
		for j < len(tmpl) && (tmpl[j] == '_' || tmpl[j] >= '0' && tmpl[j] <= '9' ||
			tmpl[j]|0x20 >= 'a' && tmpl[j]|0x20 <= 'z') {
			j++
		}
		name := tmpl[i:j]
		if brace {
			if j == len(tmpl) || tmpl[j] != '}' {
				// Not a reference: copy it as it is.
				dst = append(dst, '$', '{')
				i--
				continue
			}
			j++
		}
		i = j - 1
		g, isNum := 0, len(name) > 0
		for _, d := range name {
			if d < '0' || d > '9' {
				isNum = false
				break
			}
			g = g*10 + int(d-'0')
		}
		if isNum && 2*g+1 < len(m) && m[2*g] >= 0 {
			dst = append(dst, src[m[2*g]:m[2*g+1]]...)
		}
	}
	return dst
}
