package config

import (
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/casebook/casebook/generator/diag"
	"github.com/casebook/casebook/generator/suggest"
)

// CMS is the [cms] table: where the web editor at /admin/ reads and
// writes the site's files.
//
//	[cms]
//	backend = "github"          # github | gitlab | gitea
//	repo = "owner/name"
//	branch = "main"             # optional: the repository's default branch
//	auth_url = "https://…"      # optional: the OAuth client (backend base_url)
//	api_root = "https://…"      # optional: a self-hosted GitLab, Gitea or GitHub Enterprise
//	app_id = "…"                # optional: the OAuth application ID (GitLab, Gitea)
//	script = "https://…"        # optional: the editor's script, to host it yourself
type CMS struct {
	Backend string `toml:"backend"`
	Repo    string `toml:"repo"`
	Branch  string `toml:"branch"`
	AuthURL string `toml:"auth_url"`
	APIRoot string `toml:"api_root"`
	AppID   string `toml:"app_id"`
	Script  string `toml:"script"`
}

// CMSBackends are the values backend may take.
var CMSBackends = []string{"github", "gitlab", "gitea"}

var cmsKeys = []string{"backend", "repo", "branch", "auth_url", "api_root", "app_id", "script"}

// repoPattern is owner/name: GitHub and Gitea names, and GitLab's
// group/subgroup/name paths.
var (
	repoPart    = `[A-Za-z0-9_][A-Za-z0-9_.-]*`
	repoPattern = regexp.MustCompile(`^` + repoPart + `(/` + repoPart + `)+$`)
	// branchPattern is a conservative Git branch name: no spaces, no
	// "..", no control characters, nothing that ends in .lock or /.
	branchPattern = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_./-]*$`)
)

// validateCMS checks the [cms] table, at the line of each value.
func (cfg *Config) validateCMS(data []byte, md toml.MetaData, diags *diag.List) {
	c := cfg.CMS
	if c == nil {
		return
	}
	at := func(key string) (int, int) {
		if line, col := keyPathPosition(data, toml.Key{"cms", key}); line > 0 {
			return line, col
		}
		return keyPathPosition(data, toml.Key{"cms"})
	}
	if !md.IsDefined("cms", "backend") {
		line, col := keyPathPosition(data, toml.Key{"cms"})
		diags.Errorf(File, line, col, "[cms] needs backend = one of %s: the service that hosts the site's repository", strings.Join(CMSBackends, ", "))
	} else if !slices.Contains(CMSBackends, c.Backend) {
		line, col := at("backend")
		diags.Errorf(File, line, col, "[cms] backend %q is not one of %s%s", c.Backend, strings.Join(CMSBackends, ", "), suggest.Hint(c.Backend, CMSBackends))
	}
	line, col := at("repo")
	switch {
	case !md.IsDefined("cms", "repo"):
		line, col = keyPathPosition(data, toml.Key{"cms"})
		diags.Errorf(File, line, col, "[cms] needs repo = \"owner/name\": the repository that holds the site")
	case !repoPattern.MatchString(c.Repo) || strings.Contains(c.Repo, ".."):
		diags.Errorf(File, line, col, "[cms] repo %q is not a repository such as \"owner/name\"%s", c.Repo, repoHint(c.Repo))
	case c.Backend != "gitlab" && strings.Count(c.Repo, "/") != 1:
		diags.Errorf(File, line, col, "[cms] repo %q must be exactly owner/name on %s", c.Repo, c.Backend)
	}
	if md.IsDefined("cms", "branch") && (!branchPattern.MatchString(c.Branch) || strings.Contains(c.Branch, "..") ||
		strings.HasSuffix(c.Branch, "/") || strings.HasSuffix(c.Branch, ".lock") || strings.Contains(c.Branch, "//")) {
		line, col := at("branch")
		diags.Errorf(File, line, col, "[cms] branch %q is not a Git branch name such as \"main\"", c.Branch)
	}
	for _, k := range []struct {
		key   string
		value string
	}{{"auth_url", c.AuthURL}, {"api_root", c.APIRoot}, {"script", c.Script}} {
		if !md.IsDefined("cms", k.key) {
			continue
		}
		if u, err := url.Parse(k.value); err != nil || (u.Scheme != "https" && !(u.Scheme == "http" && isLoopback(u.Hostname()))) || u.Host == "" || u.User != nil {
			line, col := at(k.key)
			diags.Errorf(File, line, col, "[cms] %s %q must be an absolute https URL such as \"https://example.org/…\"", k.key, k.value)
		}
	}
	if md.IsDefined("cms", "app_id") && c.Backend == "github" {
		line, col := at("app_id")
		diags.Errorf(File, line, col, "[cms] app_id is for gitlab and gitea: GitHub signs in through an OAuth client at auth_url, or with an access token")
	} else if md.IsDefined("cms", "app_id") && (strings.TrimSpace(c.AppID) == "" || strings.ContainsAny(c.AppID, " \t\r\n\"'<>")) {
		line, col := at("app_id")
		diags.Errorf(File, line, col, "[cms] app_id %q is not an OAuth application ID", c.AppID)
	}
}

// repoHint suggests the owner/name form for a repository written as its
// web address.
func repoHint(repo string) string {
	u, err := url.Parse(repo)
	if err != nil || u.Host == "" {
		return ""
	}
	p := strings.TrimSuffix(strings.Trim(u.Path, "/"), ".git")
	if repoPattern.MatchString(p) {
		return " (did you mean \"" + p + "\"?)"
	}
	return ""
}

// isLoopback reports whether host is this machine, where a plain http
// address is acceptable for a self-hosted editor or OAuth client under test.
func isLoopback(host string) bool {
	return host == "localhost" || host == "127.0.0.1" || host == "::1"
}

// cmsTypeErrors reports [cms] values of the wrong type at their line, and
// whether it found any.
func cmsTypeErrors(data []byte, diags *diag.List) bool {
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		return false
	}
	v, ok := raw["cms"]
	if !ok {
		return false
	}
	table, ok := v.(map[string]any)
	if !ok {
		line, col := keyPathPosition(data, toml.Key{"cms"})
		diags.Errorf(File, line, col, "cms must be a table: a [cms] line followed by backend = \"github\", repo = \"owner/name\" …")
		return true
	}
	found := false
	for _, key := range cmsKeys {
		if v, ok := table[key]; ok {
			if _, isString := v.(string); !isString {
				line, col := keyPathPosition(data, toml.Key{"cms", key})
				diags.Errorf(File, line, col, "[cms] %s must be a piece of text in quotes", key)
				found = true
			}
		}
	}
	return found
}
