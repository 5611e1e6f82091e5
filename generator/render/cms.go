package render

import (
	"bytes"

	"github.com/casebook/casebook/generator/cms"
)

// cmsJobs adds the web editor, admin/index.html and admin/config.yml,
// when the site has a [cms] table. Neither is in the sitemap, and the
// page asks search engines not to index it.
func (r *renderer) cmsJobs(add func(job)) {
	if r.site.Config.CMS == nil {
		return
	}
	add(job{path: cms.IndexPath, render: func(buf *bytes.Buffer) error {
		data, err := cms.Index(r.site.Config)
		buf.Write(data)
		return err
	}})
	add(job{path: cms.ConfigPath, render: func(buf *bytes.Buffer) error {
		data, err := cms.Config(r.site, r.theme.Strings(r.site.Config.Language))
		buf.Write(data)
		return err
	}})
}
