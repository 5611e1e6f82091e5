package cms

// The types below are the parts of Sveltia CMS's configuration that
// casebook writes, in the order written. Their YAML names are Sveltia's.

type file struct {
	Backend     backend       `yaml:"backend"`
	AppTitle    string        `yaml:"app_title,omitempty"`
	SiteURL     string        `yaml:"site_url,omitempty"`
	MediaFolder string        `yaml:"media_folder"`
	Slug        *slugOptions  `yaml:"slug,omitempty"`
	Output      *output       `yaml:"output,omitempty"`
	I18n        *i18nOptions  `yaml:"i18n,omitempty"`
	Collections []*collection `yaml:"collections"`
}

type backend struct {
	Name    string `yaml:"name"`
	Repo    string `yaml:"repo"`
	Branch  string `yaml:"branch,omitempty"`
	BaseURL string `yaml:"base_url,omitempty"`
	APIRoot string `yaml:"api_root,omitempty"`
	// AuthType is "pkce" for GitLab's sign-in without a server.
	AuthType string `yaml:"auth_type,omitempty"`
	AppID    string `yaml:"app_id,omitempty"`
}

type slugOptions struct {
	Encoding     string `yaml:"encoding"`
	CleanAccents bool   `yaml:"clean_accents"`
	Replacement  string `yaml:"sanitize_replacement"`
	Lowercase    bool   `yaml:"lowercase"`
	Trim         bool   `yaml:"trim"`
	MaxLength    int    `yaml:"maxlength"`
}

type output struct {
	OmitEmpty bool `yaml:"omit_empty_optional_fields"`
}

type collection struct {
	Name          string     `yaml:"name"`
	Label         string     `yaml:"label,omitempty"`
	LabelSingular string     `yaml:"label_singular,omitempty"`
	Description   string     `yaml:"description,omitempty"`
	Icon          string     `yaml:"icon,omitempty"`
	Folder        string     `yaml:"folder"`
	Extension     string     `yaml:"extension"`
	Format        string     `yaml:"format"`
	Create        bool       `yaml:"create"`
	Slug          *entrySlug `yaml:"slug"`
	Summary       string     `yaml:"summary,omitempty"`
	SortableField []string   `yaml:"sortable_fields,omitempty"`
	Nested        *nested    `yaml:"nested,omitempty"`
	Meta          *meta      `yaml:"meta,omitempty"`
	// I18n turns the site's languages on for the collection.
	I18n      bool       `yaml:"i18n,omitempty"`
	IndexFile *indexFile `yaml:"index_file,omitempty"`
	// MediaFolder and PublicFolder are "" for images beside the entry.
	MediaFolder  *string  `yaml:"media_folder,omitempty"`
	PublicFolder *string  `yaml:"public_folder,omitempty"`
	Fields       []*field `yaml:"fields"`
}

// entrySlug is how an entry collection names a new entry's file.
type entrySlug struct {
	Template string `yaml:"template"`
	// Editable lists when a contributor may change the slug: "create".
	Editable []string `yaml:"editable,omitempty"`
	// Pattern is a regular expression and the message shown when the
	// slug does not match it.
	Pattern []string `yaml:"pattern,omitempty"`
}

type nested struct {
	// Subfolders lists entries in a folder tree; with meta's index file,
	// each new entry is a folder with that file in it: a story bundle.
	Subfolders bool `yaml:"subfolders"`
}

// meta holds the entry path options of a nested collection.
type meta struct {
	Path metaPath `yaml:"path"`
}

// metaPath names the file that every new entry is saved as, in a folder
// of its own: index, for a story bundle <slug>/index.md. Without it the
// editor saves a new story as <slug>.md, whatever nested says.
type metaPath struct {
	IndexFile string `yaml:"index_file"`
}

// indexFile is a section intro, content/<section>/_index.md.
type indexFile struct {
	Name   string   `yaml:"name"`
	Label  string   `yaml:"label,omitempty"`
	Fields []*field `yaml:"fields"`
}

type field struct {
	Name     string `yaml:"name"`
	Label    string `yaml:"label,omitempty"`
	Hint     string `yaml:"hint,omitempty"`
	Widget   string `yaml:"widget"`
	Required *bool  `yaml:"required,omitempty"`
	// I18n is whether a translation has the field in its own language:
	// nil in a site of one language.
	I18n any `yaml:"i18n,omitempty"`
	// Type is the datetime widget's input type ("date").
	Type       string `yaml:"type,omitempty"`
	Format     string `yaml:"format,omitempty"`
	TimeFormat any    `yaml:"time_format,omitempty"`
	Default    any    `yaml:"default,omitempty"`
	ValueType  string `yaml:"value_type,omitempty"`
	Multiple   *bool  `yaml:"multiple,omitempty"`
	Min        *int   `yaml:"min,omitempty"`
	// Options are a select widget's choices.
	Options *[]option `yaml:"options,omitempty"`
	// DropdownThreshold is how many options a select shows as
	// checkboxes before it becomes a list to search.
	DropdownThreshold int `yaml:"dropdown_threshold,omitempty"`
	// Collection, ValueField, SearchFields and DisplayFields configure a
	// relation widget.
	Collection    string   `yaml:"collection,omitempty"`
	ValueField    string   `yaml:"value_field,omitempty"`
	SearchFields  []string `yaml:"search_fields,omitempty"`
	DisplayFields []string `yaml:"display_fields,omitempty"`
	// Pattern is a regular expression and the message shown when the
	// value does not match it.
	Pattern []string `yaml:"pattern,omitempty"`
	// Fields are an object widget's fields.
	Fields []*field `yaml:"fields,omitempty"`
	// Collapsed folds an object widget until it is opened.
	Collapsed bool `yaml:"collapsed,omitempty"`
	// EditorComponents are a markdown widget's inserts (images, code
	// blocks); an empty list offers none.
	EditorComponents *[]string `yaml:"editor_components,omitempty"`
}

type option struct {
	Label string `yaml:"label"`
	Value string `yaml:"value"`
}

func ptr[T any](v T) *T { return &v }
