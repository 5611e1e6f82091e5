package link

// foreign reports whether content in lang, the language of a file ("" for
// the default language), is foreign to the site this linker links: true
// for an untranslated original in an edition.
func (l *linker) foreign(lang string) bool {
	return l.root != nil && lang != l.cfg.Language
}

// edition returns the cache of the edition in code, made on first use, so
// that each language keeps its own conversions; nil when c is nil.
func (c *Cache) edition(code string) *Cache {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.editions == nil {
		c.editions = map[string]*Cache{}
	}
	e := c.editions[code]
	if e == nil {
		e = NewCache()
		c.editions[code] = e
	}
	return e
}

// alternates gives every story, term and page of site and of its editions
// the list of its versions in each language.
func alternates(site *Site) {
	all := append([]*Site{site}, site.Editions...)
	for _, s := range site.Stories {
		var alts []Alternate
		var versions []*Story
		for _, ed := range all {
			v := ed.linker.bySlug[s.Slug]
			if v == nil || v.Foreign != "" {
				continue
			}
			alts = append(alts, Alternate{Lang: ed.Config.Language, URL: v.URL, Abs: ed.Config.Abs("stories/" + s.Slug + "/")})
			versions = append(versions, v)
		}
		if len(alts) > 1 {
			for _, v := range versions {
				v.Alternates = alts
			}
		}
	}
	for i, p := range site.Pages {
		var alts []Alternate
		var versions []*Page
		for _, ed := range all {
			if i >= len(ed.Pages) || ed.Pages[i].Slug != p.Slug || ed.Pages[i].Foreign != "" {
				continue
			}
			v := ed.Pages[i]
			alts = append(alts, Alternate{Lang: ed.Config.Language, URL: v.URL, Abs: ed.Config.Abs(p.Slug + "/")})
			versions = append(versions, v)
		}
		if len(alts) > 1 {
			for _, v := range versions {
				v.Alternates = alts
			}
		}
	}
	for ti, tax := range site.Taxonomies {
		for ki, term := range tax.Terms {
			var alts []Alternate
			var versions []*Term
			for _, ed := range all {
				v := ed.Taxonomies[ti].Terms[ki]
				alts = append(alts, Alternate{Lang: ed.Config.Language, URL: v.URL, Abs: ed.Config.Abs(tax.Name + "/" + term.Key + "/")})
				versions = append(versions, v)
			}
			for _, v := range versions {
				v.Alternates = alts
			}
		}
	}
}
