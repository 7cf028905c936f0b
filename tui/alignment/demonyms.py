"""Country names and the words news uses for their people and things, folded to one term.

"Spanish train derails" and "train derails in Spain" state the same place; without this they
share no term. Kept to countries and regions that news names often; a country missing here only
loses this one fold.
"""

from __future__ import annotations

# Words that are also common words of another sense are left out ("poles", "polish").
# One line per country: its name (the term), then the words that fold to it; the name folds too,
# so its stem cannot differ from the term ("philippines", not Snowball's "philippin").
_COUNTRIES = """
afghanistan afghan afghans
algeria algerian algerians
argentina argentine argentinian argentinians
australia australian australians
austria austrian austrians
bangladesh bangladeshi bangladeshis
belgium belgian belgians
brazil brazilian brazilians
canada canadian canadians
chile chilean chileans
china chinese
colombia colombian colombians
cuba cuban cubans
egypt egyptian egyptians
ethiopia ethiopian ethiopians
france french frenchman
germany german germans
ghana ghanaian ghanaians
greece greek greeks
haiti haitian haitians
honduras honduran hondurans
hungary hungarian hungarians
india indian indians
indonesia indonesian indonesians
iran iranian iranians
iraq iraqi iraqis
ireland irish
israel israeli israelis
italy italian italians
japan japanese
kenya kenyan kenyans
korea korean koreans
lebanon lebanese
liberia liberian liberians
libya libyan libyans
mexico mexican mexicans
morocco moroccan moroccans
nepal nepalese nepali
netherlands dutch
nicaragua nicaraguan nicaraguans
nigeria nigerian nigerians
pakistan pakistani pakistanis
palestine palestinian palestinians
peru peruvian peruvians
philippines philippine filipino filipinos
poland
portugal portuguese
russia russian russians
saudi saudis
somalia somali somalis
spain spanish spaniard spaniards
sweden swedish swede swedes
switzerland swiss
syria syrian syrians
taiwan taiwanese
thailand thai thais
turkey turkish turks
ukraine ukrainian ukrainians
venezuela venezuelan venezuelans
vietnam vietnamese
yemen yemeni yemenis
"""

DEMONYMS: dict[str, str] = {
    word: line.split()[0] for line in _COUNTRIES.strip().splitlines() for word in line.split()
}
