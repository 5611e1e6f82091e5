package corpus

// The word lists below are written for this generator. They describe
// cross-boundary work in Scottish public services in general terms; no
// sentence is taken from a real report.

// topics are the subjects of stories. Each is two lowercase ASCII words,
// because a story's slug is made from its topic.
var topics = []string{
	"family support", "hospital discharge", "school transitions", "food insecurity",
	"youth employment", "kinship care", "homelessness prevention", "digital inclusion",
	"welfare advice", "community safety", "early years", "child poverty",
	"social isolation", "care homes", "school attendance", "holiday hunger",
	"tenancy sustainment", "adult learning", "community transport", "domestic abuse",
	"substance use", "unpaid carers", "youth justice", "parental engagement",
	"neighbourhood planning", "fuel poverty", "frailty pathways", "respite care",
	"benefit uptake", "exam stress", "play spaces", "estate regeneration",
	"rent arrears", "peer support", "dementia care", "speech therapy",
	"school exclusions", "winter pressures", "falls prevention", "perinatal health",
}

// places are areas a story can happen in.
var places = []string{
	"Fife", "Dundee", "North Ayrshire", "the Highlands", "Glasgow's East End",
	"Aberdeen", "West Lothian", "Inverclyde", "the Scottish Borders", "Moray",
	"Renfrewshire", "Falkirk", "Stirling", "Perth and Kinross", "Dumfries and Galloway",
	"Orkney", "Edinburgh", "Clackmannanshire", "East Lothian", "Angus",
	"South Lanarkshire", "Argyll and Bute", "the Western Isles", "Midlothian",
	"East Ayrshire", "Shetland", "West Dunbartonshire", "Aberdeenshire",
}

// placeForms turn a place into a story's place field.
var placeForms = mustParseAll([]string{
	"{place}",
	"A local authority area: {place}",
	"A rural community in {place}",
	"Two secondary school catchments in {place}",
	"A housing estate in {place}",
	"The health and social care partnership area of {place}",
	"Several neighbourhoods in {place}",
})

// partners are organisations named in a story's partners list.
var partners = []string{
	"Council education service", "Police Scotland", "Local health board",
	"Housing association", "Third Sector Interface", "Community council",
	"Health and Social Care Partnership", "Primary school head teachers",
	"Citizens Advice", "Skills Development Scotland", "Scottish Fire and Rescue Service",
	"Educational psychology service", "Community food network", "Council youth work team",
	"GP practices", "Social work children's services", "Local carers' centre",
	"Collective Leadership for Scotland", "Community learning and development",
	"Parent council", "Tenants' association", "Employability partnership",
}

var questions = []string{
	"What does support mean for you?",
	"What is it like for you in the situation you are in?",
	"What would need to be true for this to work?",
	"Who else needs to be in the room?",
	"What are we assuming about each other's roles?",
	"What matters most to the families we serve?",
	"Where does the system make things harder than they need to be?",
	"What have we learned since we last met?",
	"How would we know we are making a difference?",
	"What are we not saying to each other?",
	"What is one small thing we could try next week?",
	"Whose voice is missing from this conversation?",
	"What would help you trust the services around you?",
	"What keeps this problem in place?",
	"What would we do differently if we started again?",
	"What does a good day look like for you?",
}

var outcomes = []string{
	"Post-holiday police call-outs fell sharply",
	"School attendance rose over two terms",
	"Families reported feeling listened to",
	"Referrals between services fell by a third",
	"Funding secured for a further two years",
	"Parents took on running the service",
	"Waiting times for first contact halved",
	"Fewer repeat hospital admissions among older residents",
	"Staff reported less duplicated work",
	"A shared referral route replaced five separate forms",
	"Fewer tenancies broke down in the first year",
	"More young people moved into training or work",
	"Volunteers from the community joined the delivery team",
	"A joint budget was agreed between partners",
	"Teachers noticed calmer classrooms after the break",
}

var firstNames = []string{
	"Morag", "Iain", "Fiona", "Callum", "Eilidh", "Ruth", "Ahmed", "Priya", "Grant",
	"Shona", "Kirsty", "Duncan", "Aileen", "Tom", "Mairi", "Sanjay", "Claire", "Euan",
}

var lastNames = []string{
	"Campbell", "MacLeod", "Stewart", "Reid", "Murray", "Paterson", "Khan", "Robertson",
	"Fraser", "Thomson", "Hughes", "Duffy", "Sinclair", "Gillespie", "Nowak", "Bell",
}

var seasons = []string{"Spring", "Summer", "Autumn", "Winter"}

// slotWords holds the fillers of every slot except topic and place.
var slotWords = [slotCount][]string{
	slotOrg: {
		"the council", "the health board", "the local police division",
		"the housing association", "the third sector interface", "the community council",
		"the school cluster", "the health and social care partnership",
		"the educational psychology team", "the youth work service", "a local food bank",
		"the GP practice", "the social work team", "the national programme team",
		"the community learning service", "the carers' centre",
	},
	slotPeople: {
		"families", "parents", "young people", "tenants", "carers", "older residents",
		"front-line staff", "head teachers", "social workers", "community members",
		"nurses", "volunteers", "police officers", "housing officers", "local employers",
	},
	slotRole: {
		"a head teacher", "a community nurse", "a housing officer", "a police inspector",
		"a social worker", "a youth worker", "a parent", "a council director", "a GP",
		"a third-sector manager", "an educational psychologist", "a health visitor",
	},
	slotActivity: {
		"a series of open conversations", "a shared learning log",
		"monthly walk-and-talk sessions", "a small test of change",
		"a listening exercise with families", "a joint data review",
		"a community vote on priorities", "a two-day design workshop",
		"shadowing each other's work", "a regular reflective practice session",
		"home visits made in pairs", "a pop-up drop-in at the library",
		"a mapping of every service a family touched",
	},
	slotFeeling: {
		"frustrated", "stuck", "hopeful", "uncertain", "energised", "cautious",
		"relieved", "curious", "exposed", "encouraged",
	},
	slotInsight: {
		"the problem was bigger than any one service",
		"families wanted support without being separated from their children",
		"the same household was known to six different teams",
		"nobody had asked young people what they needed",
		"the eligibility rules of different services worked against each other",
		"transport was the hidden barrier",
		"trust mattered more than the offer itself",
		"the data told only half the story",
		"small changes in one service rippled through the others",
		"people wanted to be heard before being helped",
		"the crisis point came long after the first warning signs",
	},
	slotResult: {
		"attendance improved", "referrals fell", "waiting times shortened",
		"repeat call-outs dropped", "more families took up the offer",
		"staff reported less duplication", "tenancies lasted longer",
		"people felt listened to", "the service was redesigned around families",
		"funding was secured for another year", "fewer crises reached the front door",
	},
	slotNumber: {
		"two", "three", "four", "five", "six", "a dozen", "thirteen", "twenty",
	},
	slotTimeframe: {
		"over the first six months", "within a year", "by the end of the pilot",
		"over two school terms", "in the first winter", "across eighteen months",
		"after the summer break", "in the second year",
	},
	slotPrinciple: {
		"systems thinking", "working emergently", "relational practice",
		"inquiry", "curiosity", "a whole-system view", "co-production",
	},
	slotValue: {
		"trust", "patience", "honesty", "curiosity", "shared ownership", "humility",
		"persistence", "generosity",
	},
	slotObstacle: {
		"competing targets", "short-term funding", "data-sharing rules",
		"staff turnover", "different professional languages", "a culture of blame",
		"rigid eligibility criteria", "the pressure to show quick results",
	},
	slotAngle: {
		"listening before acting", "one family at a time", "from crisis to prevention",
		"what changed when we asked", "letting the answer emerge",
		"a year of small experiments", "relationships first", "nobody knew the answer",
	},
}
