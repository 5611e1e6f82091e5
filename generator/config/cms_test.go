package config

import (
	"strings"
	"testing"
)

func TestCMS(t *testing.T) {
	const head = "title = \"T\"\n\n[cms]\n"
	tests := []struct {
		name, toml, wantDiag string
	}{
		{"github", head + "backend = \"github\"\nrepo = \"owner/site\"\nbranch = \"main\"\n", ""},
		{"gitlab subgroup", head + "backend = \"gitlab\"\nrepo = \"group/sub/site\"\napp_id = \"abc123\"\napi_root = \"https://gitlab.example.org/api/v4\"\n", ""},
		{"gitea with own script", head + "backend = \"gitea\"\nrepo = \"o/s\"\nscript = \"https://cdn.example.org/sveltia-cms.js\"\nauth_url = \"https://auth.example.org\"\n", ""},
		{"inline table", "title = \"T\"\ncms = { backend = \"github\", repo = \"o/s\" }\n", ""},
		{"unknown key", head + "backend = \"github\"\nrepo = \"o/s\"\n  brnach = \"main\"\n", `site.toml:6:3: error: unknown [cms] setting "brnach" (did you mean "branch"?); known [cms] settings are backend, repo`},
		{"unknown backend", head + "backend = \"githb\"\nrepo = \"o/s\"\n", `site.toml:4:1: error: [cms] backend "githb" is not one of github, gitlab, gitea (did you mean "github"?)`},
		{"no backend", head + "repo = \"o/s\"\n", `site.toml:3:1: error: [cms] needs backend = one of github, gitlab, gitea`},
		{"no repo", head + "backend = \"github\"\n", `site.toml:3:1: error: [cms] needs repo = "owner/name"`},
		{"repo as address", head + "backend = \"github\"\nrepo = \"https://github.com/o/s.git\"\n", `site.toml:5:1: error: [cms] repo "https://github.com/o/s.git" is not a repository such as "owner/name" (did you mean "o/s"?)`},
		{"repo without owner", head + "backend = \"github\"\nrepo = \"site\"\n", `site.toml:5:1: error: [cms] repo "site" is not a repository`},
		{"repo with dots", head + "backend = \"github\"\nrepo = \"o/../s\"\n", `site.toml:5:1: error: [cms] repo "o/../s" is not a repository`},
		{"subgroup on github", head + "backend = \"github\"\nrepo = \"a/b/c\"\n", `site.toml:5:1: error: [cms] repo "a/b/c" must be exactly owner/name on github`},
		{"bad branch", head + "backend = \"github\"\nrepo = \"o/s\"\nbranch = \"my branch\"\n", `site.toml:6:1: error: [cms] branch "my branch" is not a Git branch name`},
		{"script javascript", head + "backend = \"github\"\nrepo = \"o/s\"\nscript = \"javascript:alert(1)\"\n", `site.toml:6:1: error: [cms] script "javascript:alert(1)" must be an absolute https URL`},
		{"script plain http", head + "backend = \"github\"\nrepo = \"o/s\"\nscript = \"http://cdn.example.org/cms.js\"\n", `site.toml:6:1: error: [cms] script "http://cdn.example.org/cms.js" must be an absolute https URL`},
		{"repo not text", head + "backend = \"github\"\nrepo = 3\n", `site.toml:5:1: error: [cms] repo must be a piece of text in quotes`},
		{"app_id on github", head + "backend = \"github\"\nrepo = \"o/s\"\napp_id = \"x\"\n", `site.toml:6:1: error: [cms] app_id is for gitlab and gitea`},
		{"cms not a table", "title = \"T\"\ncms = \"github\"\n", `site.toml:2:1: error: cms must be a table`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, diags := Parse([]byte(tt.toml), "")
			if tt.wantDiag == "" {
				if len(diags) > 0 {
					t.Fatalf("unexpected diagnostics: %v", diags)
				}
				if cfg.CMS == nil || cfg.CMS.Backend == "" || cfg.CMS.Repo == "" {
					t.Fatalf("CMS = %+v, want the [cms] table", cfg.CMS)
				}
				return
			}
			if len(diags) == 0 {
				t.Fatalf("no diagnostics, want %q", tt.wantDiag)
			}
			if got := diags[0].String(); !strings.HasPrefix(got, tt.wantDiag) {
				t.Errorf("first diagnostic = %q, want prefix %q (all: %v)", got, tt.wantDiag, diags)
			}
		})
	}
}

func TestNoCMS(t *testing.T) {
	cfg, diags := Parse([]byte("title = \"T\"\n"), "")
	if len(diags) > 0 || cfg.CMS != nil {
		t.Fatalf("CMS = %+v, diags %v; want nil and none", cfg.CMS, diags)
	}
}
