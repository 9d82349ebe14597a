package main

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

var engineColors = map[string]color.RGBA{
	"re2wasm":        {R: 0xd6, G: 0x27, B: 0x28, A: 0xff},
	"re2wasm-wazero": {R: 0xff, G: 0x7f, B: 0x0e, A: 0xff},
	"re2wasm-interp": {R: 0xff, G: 0x98, B: 0x96, A: 0xff},
	"go-re2":         {R: 0x1f, G: 0x77, B: 0xb4, A: 0xff},
	"go-re2-wazero":  {R: 0x9e, G: 0xc5, B: 0xe8, A: 0xff},
	"re2-cgo":        {R: 0x2c, G: 0xa0, B: 0x2c, A: 0xff},
	"stdlib":         {R: 0x7f, G: 0x7f, B: 0x7f, A: 0xff},
}

func engineColor(e string) color.Color {
	if c, ok := engineColors[e]; ok {
		return c
	}
	return color.RGBA{R: 0x94, G: 0x67, B: 0xbd, A: 0xff}
}

// bars draws, for each row, one horizontal bar per series from x=1 to the
// row's value, on a log axis: right of 1 is faster than the baseline.
type bars struct {
	rows   []string
	series []string
	values [][]float64 // [row][series], NaN when missing
}

func (b *bars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = 1, 1
	for _, row := range b.values {
		for _, v := range row {
			if v > 0 && !math.IsNaN(v) {
				xmin, xmax = math.Min(xmin, v), math.Max(xmax, v)
			}
		}
	}
	return xmin / 1.5, xmax * 1.5, -0.5, float64(len(b.rows)) - 0.5
}

// y of row i: the first row at the top.
func (b *bars) y(i int) float64 { return float64(len(b.rows) - 1 - i) }

func (b *bars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	slot := 0.8 / float64(len(b.series))
	for i, row := range b.values {
		for j, v := range row {
			if !(v > 0) {
				continue
			}
			top := b.y(i) + 0.4 - float64(j)*slot
			bottom := top - slot*0.9
			x0, x1 := trX(1), trX(v)
			y0, y1 := trY(bottom), trY(top)
			pts := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
			c.FillPolygon(engineColor(b.series[j]), c.ClipPolygonXY(pts))
		}
		// A faint separator between rows.
		if i > 0 {
			ys := trY(b.y(i) + 0.5)
			c.StrokeLine2(draw.LineStyle{Color: color.Gray{Y: 0xe0}, Width: vg.Points(0.3)}, c.Min.X, ys, c.Max.X, ys)
		}
	}
	one := trX(1)
	c.StrokeLine2(draw.LineStyle{Color: color.Black, Width: vg.Points(1)}, one, c.Min.Y, one, c.Max.Y)
}

type swatch struct{ c color.Color }

func (s swatch) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{{X: c.Min.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Max.Y}, {X: c.Min.X, Y: c.Max.Y}}
	c.FillPolygon(s.c, pts)
}

// ratioTicks labels a log axis at 1, 2, 5 times powers of ten, or at powers
// of ten only when the range is wide.
type ratioTicks struct{}

func (ratioTicks) Ticks(min, max float64) []plot.Tick {
	var ticks []plot.Tick
	mults := []float64{1, 2, 5}
	if max/min > 1e5 {
		mults = []float64{1}
	}
	for e := math.Floor(math.Log10(min)); math.Pow(10, e) <= max*10; e++ {
		for _, m := range mults {
			v := m * math.Pow(10, e)
			if v < min || v > max {
				continue
			}
			ticks = append(ticks, plot.Tick{Value: v, Label: fmtTick(v)})
		}
	}
	return ticks
}

func fmtTick(v float64) string {
	if v >= 1 {
		return strconv.FormatFloat(v, 'f', -1, 64) + "x"
	}
	return "1/" + strconv.FormatFloat(math.Round(1/v), 'f', -1, 64) + "x"
}

func savePlot(b *bars, title, file string) error {
	p := plot.New()
	p.Title.Text = title
	// No axis label: gonum centres it at the arithmetic middle of a log
	// axis, which pads the plot on the right. The title says it instead.
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = ratioTicks{}
	var ticks []plot.Tick
	for i, r := range b.rows {
		ticks = append(ticks, plot.Tick{Value: b.y(i), Label: r})
	}
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Y.Tick.Label.Font.Size = vg.Points(7)
	p.Y.Tick.Length = 0
	grid := plotter.NewGrid()
	grid.Horizontal.Width = 0
	grid.Vertical.Color = color.Gray{Y: 0xd0}
	p.Add(grid, b)
	p.Legend.Top = false
	p.Legend.TextStyle.Font.Size = vg.Points(9)
	p.Legend.ThumbnailWidth = vg.Points(20)
	for _, s := range b.series {
		p.Legend.Add(s, swatch{engineColor(s)})
	}
	h := vg.Length(float64(len(b.rows)*len(b.series))*0.075+1.8) * vg.Inch
	if h < 4*vg.Inch {
		h = 4 * vg.Inch
	}
	return p.Save(11*vg.Inch, h, file)
}

// drawChart writes the per-case chart to file and the per-family summary
// next to it (file with -families before the extension).
func drawChart(d *data, file string) error {
	var series []string
	for _, e := range d.engines {
		if e != "stdlib" {
			series = append(series, e)
		}
	}
	if len(series) == 0 {
		return fmt.Errorf("no engine besides stdlib")
	}
	perCase := &bars{series: series}
	for _, c := range d.cases {
		if !d.timed(c) {
			continue
		}
		row := make([]float64, len(series))
		for j, e := range series {
			row[j] = math.NaN()
			if s, ok := d.speedup(c, "stdlib", e); ok {
				row[j] = s
			}
		}
		perCase.rows = append(perCase.rows, c)
		perCase.values = append(perCase.values, row)
	}
	if len(perCase.rows) == 0 {
		return fmt.Errorf("no case with a stdlib result")
	}
	if err := savePlot(perCase, "Speed-up per case versus the standard library: time(stdlib) / time(engine), medians, log scale (right of 1x = faster)", file); err != nil {
		return err
	}

	perFamily := &bars{series: series}
	for _, fam := range d.families() {
		if fam == "Memory" {
			continue
		}
		row := make([]float64, len(series))
		for j, e := range series {
			var xs []float64
			for _, c := range d.cases {
				if d.family[c] == fam {
					if s, ok := d.speedup(c, "stdlib", e); ok {
						xs = append(xs, s)
					}
				}
			}
			row[j] = geomean(xs)
		}
		perFamily.rows = append(perFamily.rows, fam)
		perFamily.values = append(perFamily.values, row)
	}
	famFile := strings.TrimSuffix(file, ".png") + "-families.png"
	return savePlot(perFamily, "Speed-up per family versus the standard library: geometric mean over its cases, log scale (right of 1x = faster)", famFile)
}
