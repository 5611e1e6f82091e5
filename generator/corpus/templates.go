package corpus

// sectionKind is one part of a story's narrative, in the order stories
// usually tell it.
type sectionKind struct {
	headings  []string
	sentences []template
}

var sectionKinds = []sectionKind{
	{ // background
		headings: []string{"Background", "The starting point", "What was going on", "The challenge", "Where it began"},
		sentences: mustParseAll([]string{
			"In {place}, {org} and {org} had worried about {topic} for years.",
			"{people} told us that {topic} felt like a maze of separate services.",
			"Several approaches had been tried before, but {obstacle} kept getting in the way.",
			"One family had been in contact with {number} different services and still felt nothing had changed.",
			"The issue sat across the boundaries of {org}, {org} and {org}, so no single organisation owned it.",
			"Figures from {org} suggested that demand linked to {topic} rose every year.",
			"It was, in the language of the field, a wicked issue: complex, contested and never quite solved.",
			"Staff in {org} saw the consequences every day but rarely the causes.",
			"The Christie Commission had asked public services to organise around people rather than structures, and {topic} was a test of that.",
		}),
	},
	{ // people
		headings: []string{"Who was involved", "Bringing people together", "Forming the group", "Getting the right people in the room"},
		sentences: mustParseAll([]string{
			"The group brought together {role}, {role} and {role}, along with {people} who knew {topic} from the inside.",
			"At first, people introduced themselves by job title; within a few meetings they were talking about why the work mattered to them.",
			"{org} offered a neutral space, and {org} provided facilitation.",
			"Some members felt {feeling} at being asked to leave their organisation's position at the door.",
			"Time was set aside at every meeting to get to know each other beyond roles.",
			"We spent the first sessions on relationships and on our assumptions about each other's work.",
			"{role} said it was the first time they had sat at the same table as {org}.",
			"Membership changed over time, and the group learned to welcome newcomers without starting again.",
		}),
	},
	{ // listening
		headings: []string{"Listening to people", "What families told us", "Hearing from the community", "Asking the people involved"},
		sentences: mustParseAll([]string{
			"We went back to {people} again and again to ask what support meant to them.",
			"What emerged was that {insight}.",
			"{people} spoke about {obstacle} as often as about {topic} itself.",
			"The stories people told built empathy across the group and changed the questions we asked.",
			"One parent said the most useful thing was simply being asked.",
			"Listening showed that {insight}, which none of the partners had expected.",
			"Conversations took place in kitchens, school gates and community cafes rather than offices.",
			"{role} noticed that {people} described the same problem in very different words from the professionals.",
		}),
	},
	{ // approach
		headings: []string{"What we tried", "How the work unfolded", "Working it out together", "Experiments and adjustments", "Trying things out"},
		sentences: mustParseAll([]string{
			"Rather than agree a fixed plan, the group started with {activity}.",
			"Each small test was reviewed after a few weeks and adjusted in light of what {people} said.",
			"We admitted together that none of us knew the answer yet.",
			"{activity} gave the group a way to learn quickly without committing large budgets.",
			"Ideas emerged from the conversations rather than from a project plan.",
			"The group used powerful questions to open up the problem before deciding what to do.",
			"When something did not work, it was treated as information rather than failure.",
			"Being stuck felt uncomfortable for a meeting or two, and some members were {feeling}.",
			"Over time, {activity} and {activity} became part of normal practice.",
		}),
	},
	{ // outcomes
		headings: []string{"What changed", "Outcomes", "What difference it made", "Results so far"},
		sentences: mustParseAll([]string{
			"{timeframe}, {result} and {result}.",
			"Partners noticed that {result} {timeframe}.",
			"{org} reported that {result}.",
			"Not every change can be measured, but people consistently said that {result}.",
			"The biggest shift was in how the organisations worked together, not in any single service.",
			"Responsibility for the work gradually passed to {people}.",
			"{role} described the change as slow at first and then sudden.",
			"Some hoped-for changes did not happen, and the group was open about that.",
		}),
	},
	{ // learning
		headings: []string{"What we learned", "Reflections", "Lessons for others", "Looking back"},
		sentences: mustParseAll([]string{
			"Looking back, {value} mattered more than any single method.",
			"The group learned that {principle} is a practice, not a technique.",
			"If we started again, we would involve {people} even earlier.",
			"{obstacle} did not disappear, but it became something we could talk about openly.",
			"The work shows what {principle} can look like when {org} and {org} share the problem.",
			"Others working on {topic} might begin by asking who is missing from the room.",
			"Several members said the way of working had changed how they approach other issues.",
		}),
	},
	{ // next steps
		headings: []string{"Next steps", "What comes next", "Where the work goes from here"},
		sentences: mustParseAll([]string{
			"The partners plan to share the approach with neighbouring areas.",
			"Funding has been agreed to continue the work {timeframe}.",
			"{people} will take a bigger role in deciding what happens next.",
			"The group will keep meeting, with {activity} as its anchor.",
			"A second cycle of inquiry will look at how {topic} connects with {obstacle}.",
		}),
	},
}

// generalSentences fit any section and keep paragraphs from repeating the
// small section pools.
var generalSentences = mustParseAll([]string{
	"This was not quick work, and {value} was tested more than once.",
	"{org} and {org} found they had been solving the same problem from opposite ends.",
	"The conversation kept returning to what {people} actually experienced.",
	"A whole-system approach meant looking at {topic} alongside housing, income and health.",
	"It helped that {role} was willing to say out loud what others were thinking.",
	"The group resisted the pull towards a new service and looked at how existing ones connected.",
	"Everyone brought their own data, and putting it side by side was revealing.",
	"Trust grew slowly, mostly through small promises that were kept.",
	"The national outcomes framework gave partners a shared language for what they hoped to change.",
	"Co-production meant {people} were involved in deciding, not just consulted.",
	"There were weeks when nothing seemed to move, and {timeframe} the picture looked different.",
	"Working this way asked people to hold their professional expertise a little more lightly.",
	"Meetings moved between venues so that no organisation felt like the host.",
	"The group kept a simple record of what was tried, what happened and what it meant.",
	"Budgets stayed with each partner, but decisions about them were increasingly made together.",
	"Attention to {principle} kept the group honest about what it did not know.",
	"{role} put it simply: the system had been designed around services, not people.",
	"Small adjustments added up to something larger than anyone had planned.",
})

var subheadings = []string{
	"Early conversations", "Testing ideas", "Sharing data", "Keeping momentum",
	"Measuring change", "The role of facilitation", "Involving families",
	"Working across boundaries", "When things stalled", "Making it stick",
	"Money and resources", "What surprised us", "The first meetings", "Changing roles",
}

var titleTemplates = mustParseAll([]string{
	"{topic} in {place}",
	"Rethinking {topic} in {place}",
	"Working together on {topic}",
	"What {people} taught us about {topic}",
	"A whole-system look at {topic} in {place}",
	"Listening first: {topic} in {place}",
	"Starting with questions on {topic}",
	"{topic}: {angle}",
	"Small steps on {topic} in {place}",
	"Sharing the problem of {topic}",
	"Beyond job titles: {topic} in {place}",
	"Co-producing {topic} with {people}",
})

var summaryTemplates = mustParseAll([]string{
	"How {org} and {org} in {place} worked with {people} to rethink {topic}.",
	"A cross-agency group in {place} spent time on relationships before tackling {topic}, and {result}.",
	"{people} and staff in {place} asked what support really meant; the answers reshaped work on {topic}.",
	"Small experiments on {topic} in {place} showed that {insight}.",
	"Practitioners in {place} admitted nobody knew the answer on {topic}, and let a new approach emerge.",
	"Partners in {place} mapped the whole system around {topic} and found where it made life harder for {people}.",
})

var bulletItems = mustParseAll([]string{
	"{activity}",
	"asking {people} what mattered to them",
	"sharing data between {org} and {org}",
	"meeting every month in a neutral venue",
	"a clear note of what each partner could and could not change",
	"{result}",
	"time to reflect on {principle}",
	"naming {obstacle} openly",
	"a single contact point for {people}",
	"joint visits by {role} and {role}",
})

var numberedItems = mustParseAll([]string{
	"Spend time on relationships before the task.",
	"Ask {people} what support means to them.",
	"Agree to test small changes and review them together.",
	"Share what you learn with the wider system.",
	"Map every service that {people} come into contact with.",
	"Name the assumptions each partner brings.",
	"Decide together what to stop doing.",
	"Hand over the work to {people} when they are ready.",
})

var quotes = mustParseAll([]string{
	"We had to admit that none of us knew the answer, and that was the turning point.",
	"For the first time I understood what {org} was actually up against.",
	"Nobody had ever asked us what support meant before.",
	"It felt slower at the start, but we stopped doing things twice.",
	"The relationships are what lasted when the funding changed.",
	"We were all working hard, just not together.",
	"I came as a representative of my service and left as part of a group.",
})

var introTemplates = mustParseAll([]string{
	"This story describes how partners in {place} came together around {topic}.",
	"Work on {topic} in {place} began with a shared worry rather than a plan.",
	"In {place}, {topic} had become a problem that no single service could solve.",
})

var linkTemplates = []string{
	"A similar approach is described in [%s](%s).",
	"The group also drew on [%s](%s), a story from another area.",
	"For a contrasting example, see [%s](%s).",
	"Readers interested in this may also want to read [%s](%s).",
	"Some of the same questions come up in [%s](%s).",
}

var footnotes = mustParseAll([]string{
	"Figures were provided by {org} and have been rounded.",
	"Names and some details have been changed to protect the privacy of the families involved.",
	"The questions were adapted from the facilitation guide used by {org}.",
	"Data for the first year covers only the pilot area in {place}.",
})

var tableMeasures = []string{
	"Police call-outs after the holidays", "Families using the service",
	"Average wait for first contact in days", "Repeat referrals",
	"School attendance in per cent", "Young people in training or work",
	"Tenancies sustained past a year", "Volunteers involved",
	"Emergency hospital admissions", "Households receiving advice",
}

var tableHeaders = [][2]string{
	{"Before", "After"}, {"Year one", "Year two"}, {"Baseline", "Latest"},
}
