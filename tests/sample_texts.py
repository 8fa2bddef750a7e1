"""Toy texts the CLI and service tests share: a human-style report and a repeated
machine-like sentence, on which their tiny detectors are fitted."""

ARTICLE = (
    "Poland invoked Article 4 of the NATO treaty on Wednesday after several drones crossed "
    "its eastern border overnight. The government said the consultations were needed because "
    "the incursion threatened the country's territorial integrity. Allies met in Brussels, "
    "and officials confirmed that 12 people were questioned about the incident."
)
MACHINE_LIKE = "The minister said the budget would rise by 3 percent next year. " * 6
