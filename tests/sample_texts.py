"""Toy texts the CLI and service tests share: a human-style report and a repeated
machine-like sentence, on which their tiny detectors are fitted."""

ARTICLE = (
    "Poland invoked Article 4 of the NATO treaty on Wednesday after several drones crossed "
    "its eastern border overnight. The government said the consultations were needed because "
    "the incursion threatened the country's territorial integrity. Allies met in Brussels, "
    "and officials confirmed that 12 people were questioned about the incident."
)
MACHINE_LIKE = "The minister said the budget would rise by 3 percent next year. " * 6

# Single sentences in a reporter's and in a chat assistant's style, for the sentence-style
# model and the boundary of a mixed article.
REPORTER = [
    '"We were never asked," said Mary Jones, 71, who has lived on the street since 1979.',
    "Police told reporters that two men, aged 19 and 23, were arrested at the scene.",
    "The club said it would appeal, and its manager declined to comment on Sunday.",
    'A spokesman for the council told the BBC: "We will look at this again."',
    "Shares fell 4% by noon, the lowest since March, according to the exchange.",
    "He was taken to hospital but died later that night, his family said.",
]
ASSISTANT = [
    "Furthermore, the decision highlights the importance of community engagement.",
    "Additionally, the initiative is expected to have a significant impact on residents.",
    "Overall, the event was a productive discussion for everyone involved.",
    "Moreover, experts emphasized the crucial role of transparency in the process.",
    "This development underscores the ongoing challenges faced by local authorities.",
    "In conclusion, the situation remains a topic of significant public interest.",
]
