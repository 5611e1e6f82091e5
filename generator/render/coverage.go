package render

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/casebook/casebook/generator/content"
	"github.com/casebook/casebook/generator/i18n"
	"github.com/casebook/casebook/generator/link"
)

// Coverage is the coverage view: how many stories there are for each
// primary term (principle) with each term of every other taxonomy, drawn
// as heat maps whose empty cells are the gaps in the collection, and how
// often primary terms appear together.
type Coverage struct {
	Maps []*HeatMap
	// Pairs are the primary terms two by two, most shared first.
	Pairs []Pair
	// PrimaryTaxonomy is the taxonomy of the columns and pairs.
	PrimaryTaxonomy *link.Taxonomy
	// Noun is the singular of the primary taxonomy ("principle"), Others
	// the singulars of the other taxonomies ("sector or theme");
	// OtherTitles are the other taxonomies' titles ("Sectors or Themes").
	Noun, Others, OtherTitles string
}

// HeatMap is one grid of the coverage view: a row per term of Taxonomy, a
// column per primary term. Coordinates are in SVG user units; the map is
// computed here so the template only draws.
type HeatMap struct {
	// ID is unique on the page and prefixes the SVG's element ids.
	ID    string
	Title string
	// Taxonomy is the taxonomy of the rows, Primary of the columns.
	Taxonomy, Primary *link.Taxonomy
	Columns           []HeatColumn
	Rows              []HeatRow
	// Gaps is the number of empty cells; Max the largest count.
	Gaps, Max     int
	Width, Height int
	Legend        []LegendItem
}

// HeatColumn is a column heading.
type HeatColumn struct {
	Term *link.Term
	X, Y int
}

// HeatRow is a row: its heading and its cells.
type HeatRow struct {
	Term *link.Term
	// Label is the row heading as drawn, shortened with "…" when too long
	// (the full title is in the row's <title> and in the table).
	Label string
	X, Y  int
	Cells []HeatCell
}

// HeatCell is the number of stories with a primary term and a row term.
type HeatCell struct {
	Primary *link.Term
	Count   int
	// URL is the intersection page, "" for a gap.
	URL string
	// Level is 0 for a gap, 1 to 4 for a quarter of Max.
	Level      int
	X, Y, W, H int
	// TextX and TextY place the count at the centre of the cell.
	TextX, TextY int
	// Label says the cell in words: "Listening and Housing: 3 stories".
	Label string
}

// LegendItem is a swatch of the legend.
type LegendItem struct {
	Level, X, Y int
	Text        string
	TextX       int
}

// Pair is two primary terms and the number of stories carrying both.
type Pair struct {
	A, B  *link.Term
	Count int
	// URL searches for stories with both terms.
	URL string
	// Percent is Count as a share of the largest pair count, for a bar.
	Percent int
}

// Layout of a heat map, in SVG units (about CSS pixels at full width).
const (
	heatCellH     = 34
	heatGutter    = 3
	heatHeaderH   = 36
	heatLegendH   = 44
	heatCharW     = 7 // average width of a 13px character
	heatLabelMax  = 38
	heatCellMinW  = 84
	heatLevelsMax = 4
)

// coverage lays out the coverage view of site, from the counts link made
// (link.Site.Intersections and Pairs).
func coverage(site *link.Site, tr *i18n.Catalog) *Coverage {
	if len(site.Taxonomies) < 2 {
		return nil
	}
	primary := site.Taxonomies[0]
	byCell := map[[2]*link.Term]*link.Intersection{}
	for _, in := range site.Intersections {
		byCell[[2]*link.Term{in.Primary, in.Term}] = in
	}
	c := &Coverage{PrimaryTaxonomy: primary, Noun: content.Param(primary.Name)}
	or := " " + tr.S("coverage.or") + " "
	for i, tax := range site.Taxonomies[1:] {
		c.Maps = append(c.Maps, heatMap(primary, tax, byCell, tr))
		switch {
		case i == 0:
			c.Others, c.OtherTitles = content.Param(tax.Name), tax.Title
		case i == len(site.Taxonomies)-2:
			c.Others += or + content.Param(tax.Name)
			c.OtherTitles += or + tax.Title
		default:
			c.Others += ", " + content.Param(tax.Name)
			c.OtherTitles += ", " + tax.Title
		}
	}
	c.Pairs = pairs(site.Pairs)
	return c
}

func heatMap(primary, tax *link.Taxonomy, byCell map[[2]*link.Term]*link.Intersection, tr *i18n.Catalog) *HeatMap {
	m := &HeatMap{ID: "coverage-" + tax.Name, Title: tr.S("coverage.map", upperFirst(primary.Name), tax.Name, primary.Title, tax.Title), Taxonomy: tax, Primary: primary}
	labelW := 0
	for _, t := range tax.Terms {
		labelW = max(labelW, min(heatLabelMax, utf8.RuneCountInString(t.Title)))
	}
	labelW = labelW*heatCharW + 16
	cellW := heatCellMinW
	for _, p := range primary.Terms {
		cellW = max(cellW, utf8.RuneCountInString(p.Title)*heatCharW+16)
	}
	for i, p := range primary.Terms {
		m.Columns = append(m.Columns, HeatColumn{Term: p, X: labelW + i*(cellW+heatGutter) + cellW/2, Y: heatHeaderH - 12})
	}
	for r, t := range tax.Terms {
		y := heatHeaderH + r*(heatCellH+heatGutter)
		row := HeatRow{Term: t, Label: shorten(t.Title, heatLabelMax), X: labelW - 10, Y: y + heatCellH/2 + 5}
		for i, p := range primary.Terms {
			cell := HeatCell{Primary: p, X: labelW + i*(cellW+heatGutter), Y: y, W: cellW, H: heatCellH}
			cell.TextX, cell.TextY = cell.X+cellW/2, y+heatCellH/2+5
			if in := byCell[[2]*link.Term{p, t}]; in != nil {
				cell.Count, cell.URL = len(in.Stories), in.URL
			}
			cell.Label = tr.S("coverage.cell", cell.Count, p.Title, t.Title)
			m.Max = max(m.Max, cell.Count)
			if cell.Count == 0 {
				m.Gaps++
			}
			row.Cells = append(row.Cells, cell)
		}
		m.Rows = append(m.Rows, row)
	}
	for r := range m.Rows {
		for i := range m.Rows[r].Cells {
			cell := &m.Rows[r].Cells[i]
			if cell.Count > 0 {
				cell.Level = (cell.Count*heatLevelsMax + m.Max - 1) / m.Max
			}
		}
	}
	m.Width = labelW + len(primary.Terms)*(cellW+heatGutter)
	legendY := heatHeaderH + len(tax.Terms)*(heatCellH+heatGutter) + 14
	m.Height = legendY + heatLegendH - 14
	m.Legend = legend(m.Max, legendY, tr.S("coverage.legend_gap"))
	return m
}

// legend returns the swatches: a gap, then each level with the counts it
// stands for.
func legend(maxCount, y int, gap string) []LegendItem {
	items := []LegendItem{{Level: 0, Text: gap}}
	lo := 1
	for level := 1; level <= heatLevelsMax; level++ {
		hi := level * maxCount / heatLevelsMax
		if hi < lo {
			continue
		}
		text := strconv.Itoa(lo)
		if hi > lo {
			text += "–" + strconv.Itoa(hi)
		}
		items = append(items, LegendItem{Level: level, Text: text})
		lo = hi + 1
	}
	x := 0
	for i := range items {
		items[i].X, items[i].Y, items[i].TextX = x, y, x+24
		x += 24 + utf8.RuneCountInString(items[i].Text)*heatCharW + 18
	}
	return items
}

// pairs gives each pair of primary terms its bar: its count as a share of
// the largest.
func pairs(counted []link.Pair) []Pair {
	most := 0
	for _, p := range counted {
		most = max(most, p.Count)
	}
	out := make([]Pair, 0, len(counted))
	for _, p := range counted {
		pair := Pair{A: p.A, B: p.B, Count: p.Count, URL: p.URL}
		if most > 0 {
			pair.Percent = p.Count * 100 / most
		}
		out = append(out, pair)
	}
	return out
}

// shorten cuts s to at most n characters, ending with "…" when cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// upperFirst capitalises the first letter of a taxonomy name.
func upperFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}
