package corpus

// builtinTerm describes one term (or a taxonomy's index) of the built-in
// vocabulary, used when the vocabulary folder has none.
type builtinTerm struct {
	key     string
	title   string
	summary string
	text    string
}

var builtinIndexes = map[string]builtinTerm{
	"principles": {title: "Principles", summary: "The four principles of collective leadership.",
		text: "Collective leadership rests on four principles that reinforce each other. Most stories show several of them."},
	"sectors": {title: "Sectors", summary: "Who was involved in the work.",
		text: "Stories are indexed by the sectors whose people took part, from councils and the NHS to communities themselves."},
	"themes": {title: "Themes", summary: "What the work was about.",
		text: "Themes describe the issue a group worked on together."},
}

var builtinTerms = map[string][]builtinTerm{
	"principles": {
		{"systems", "Systems", "Look at the whole system around an issue, citizens and communities included.",
			"Working with systems means opening an issue up to see every organisation and person involved, how they depend on each other, and where the root causes lie."},
		{"emergent", "Emergent", "Work by continuous experiment and adaptation instead of a fixed plan.",
			"An emergent approach admits that nobody knows the answer yet, tries small changes, learns from them and lets direction emerge."},
		{"relationality", "Relationality", "Invest in knowing each other beyond job titles.",
			"Relationality puts relationships on a par with the task and asks people to bring their whole selves, not only their organisation's position."},
		{"inquiry", "Inquiry", "Ask questions before deciding.",
			"Inquiry looks into the problem, the group's own process and the assumptions people hold, combining what I think, what we think and what the evidence says."},
	},
	"sectors": {
		{"local-government", "Local government", "Councils and their services.", "Scotland's thirty-two local authorities and the services they run."},
		{"nhs", "NHS", "Health boards and NHS services.", "Health boards, hospitals, community health teams and general practice."},
		{"scottish-government", "Scottish Government", "National government and its programmes.", "Directorates and national programme teams of the Scottish Government."},
		{"third-sector", "Third sector", "Charities and voluntary organisations.", "Charities, social enterprises and voluntary groups working alongside public services."},
		{"education", "Education", "Schools and early learning.", "Nurseries, primary and secondary schools and the staff who support them."},
		{"social-work", "Social work", "Social work services for children and adults.", "Social workers and the services that support children, families and adults."},
		{"police", "Police", "Police Scotland and community policing.", "Local police divisions and community officers."},
		{"housing", "Housing", "Housing services and landlords.", "Council housing services, housing associations and homelessness teams."},
		{"communities", "Communities", "Citizens and community groups.", "Residents, families and community organisations taking part in the work."},
	},
	"themes": {
		{"children-and-families", "Children and families", "Support for children, young people and their families.", "Work that puts children and their families at the centre."},
		{"health-and-social-care", "Health and social care", "Integration of health and social care.", "Joining up health and social care around the people who use them."},
		{"place-based-outcomes", "Place-based outcomes", "Improving outcomes in a particular place.", "Work rooted in one neighbourhood, town or area and its own priorities."},
		{"poverty", "Poverty", "Poverty, including food and fuel poverty.", "Tackling the causes and effects of poverty, from food insecurity to debt."},
		{"mental-health", "Mental health", "Mental health and wellbeing.", "Supporting mental health and wellbeing across services and communities."},
		{"justice", "Justice", "Community justice and safety.", "Community justice, youth justice and keeping people safe."},
		{"employability", "Employability", "Routes into training and work.", "Helping people into learning, training and fair work."},
		{"older-people", "Older people", "Support for older people.", "Helping older people live well and independently in their communities."},
		{"housing", "Housing", "Homes and homelessness.", "Secure homes, tenancy support and the prevention of homelessness."},
		{"community-empowerment", "Community empowerment", "Communities taking decisions and action.", "Communities shaping services and taking ownership, in the spirit of the Community Empowerment (Scotland) Act 2015."},
	},
}
