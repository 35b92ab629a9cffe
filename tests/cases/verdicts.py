"""Verdict cases written from the seed documents and the pages the records cite, by reading them:
who each program or fund is for, asked by people as they would ask. Each case is checked through
`POST /eligibility` (tests/catalog/test_verdict_cases.py) and through the chat on REST
(tests/e2e/test_verdicts_chat.py), so the catalog and the assistant say the same.

`profile` is what the person told us, as the catalog's Profile; `say` is their question in the
chat and `answers` the same facts in their words, given when the assistant asks for them (by the
fact it asks: age, place, employer, union, current_occupation, education, grade, student, groups);
`verdict` what the sources make of it; `because` a sentence of the answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Case:
    name: str
    target: dict
    profile: dict
    say: str
    verdict: str
    because: str = ""
    # The sentence the chat answer must hold (its words for the verdict, or the question it asks).
    chat: tuple[str, ...] = field(default_factory=tuple)
    answers: dict = field(default_factory=dict)
    # Why the chat cannot reach this verdict yet (the assistant's understanding, not the rules):
    # such a case is checked through POST /eligibility only, and the gap is reported.
    chat_gap: str = ""

    @property
    def ask(self) -> str:
        return self.say


KP = dict(employee=True, employer="kaiser_permanente")
ED_FUND = {"funding": "seiu_uhw_education_fund_tuition_reimbursement"}
HUDNALL = {"funding": "ben_hudnall_trust_tuition_support"}
CHOICE = {"funding": "kp_nurse_scholars_tuition_support"}
SATCHER = {"program": "satcher_health_policy_leadership_fellowship"}
HES = {"funding": "health_equity_scholars_program"}
PIPELINE = {"program": "kp_health_career_pipeline_programs"}
KPSAHS_MA = {"program": "kp_school_of_allied_health_medical_assisting"}
RADIOLOGY = {"program": "kp_school_of_allied_health_radiology"}
LIKELY, UNLIKELY = "you likely qualify", "you likely don't qualify"

CASES = [
    # Unions: the Ed Fund names SEIU ("a participating SEIU bargaining unit position"); the Ben
    # Hudnall Trust names the KP Alliance or KP Coalition, and a finished probationary period.
    Case("cna_nurse_is_not_in_seiu", ED_FUND,
         {**KP, "union": "california_nurses_association", "current_occupation": "registered_nurse"},
         "I'm an RN at Kaiser and in the California Nurses Association. Can I use the SEIU-UHW Ed Fund?",
         "not_eligible", "It is only for members of Service Employees International Union (SEIU).", (UNLIKELY,)),
    Case("seiu_call_center_worker_gets_the_ed_fund", ED_FUND,
         {**KP, "union": "seiu", "current_occupation": "customer_service_representative"},
         "im in seiu and work in the call center at kaiser. can i get the Ed Fund tuition reimbursement?",
         "eligible", "It is for members of Service Employees International Union (SEIU), and you are one.", (LIKELY,)),
    Case("uhw_member_is_in_seiu", ED_FUND, {**KP, "union": "seiu_uhw"},
         "I'm a UHW member at Kaiser. Am I eligible for the Education Fund tuition support?", "eligible", "", (LIKELY,)),
    Case("non_union_worker_and_the_ed_fund", ED_FUND, {**KP, "union": "none"},
         "I work at Kaiser but I'm not in a union. Can I get the SEIU-UHW Ed Fund tuition money?",
         "not_eligible", "It is only for members of Service Employees International Union (SEIU).", (UNLIKELY,)),
    Case("uhw_member_needs_probation_for_hudnall", HUDNALL, {**KP, "union": "seiu_uhw"},
         "I'm in SEIU-UHW at Kaiser. Can I get Ben Hudnall Trust tuition support?",
         "maybe", "whether you have completed your probationary period", ("probationary period",)),
    Case("ofnhp_member_in_portland_and_hudnall", HUDNALL, {**KP, "union": "ofnhp", "city": "Portland", "state": "OR"},
         "I'm in OFNHP and work at Kaiser in Portland. Does the Ben Hudnall Trust pay for school for me?",
         "maybe", "whether you have completed your probationary period", ("probationary period",)),
    Case("cna_member_and_hudnall_is_asked_not_told", HUDNALL, {**KP, "union": "california_nurses_association"},
         "I'm a Kaiser nurse in the California Nurses Association. Can I get Ben Hudnall Trust tuition support?",
         "maybe", "whether California Nurses Association (CNA) is part of", ("To know if you qualify",)),
    Case("non_union_worker_and_hudnall", HUDNALL, {**KP, "union": "none"},
         "I work at Kaiser and I'm not in a union. Can I get Ben Hudnall Trust tuition support?",
         "not_eligible", "It is only for members of", (UNLIKELY,)),
    # The Choice tuition program: "KFH/HP NCAL non-represented benefited (20+ hours) registered
    # nurse employees, with the approval of the employee's manager".
    Case("stockton_rn_choice_program", CHOICE,
         {**KP, "union": "none", "current_occupation": "registered_nurse", "zip": "95214"},
         "I'm a non-union RN at Kaiser in Stockton, 95214. Can I get Nurse Scholars Academy tuition help?",
         "maybe", "whether you have a benefited job of 20+ hours a week", ("20+ hours",)),
    Case("los_angeles_rn_choice_program", CHOICE,
         {**KP, "union": "none", "current_occupation": "registered_nurse", "city": "Los Angeles", "state": "CA"},
         "I'm a non-union RN at Kaiser in Los Angeles. Can I get Nurse Scholars Academy tuition help?",
         "not_eligible", "It is only for people in the Northern California area.", (UNLIKELY,)),
    Case("lvn_choice_program", CHOICE,
         {**KP, "current_occupation": "licensed_vocational_nurse", "city": "Oakland", "state": "CA"},
         "I'm an LVN at Kaiser in Oakland. Can I get Nurse Scholars Academy tuition help?",
         "not_eligible", "It is for people working as Registered Nurse (RN) now.", (UNLIKELY,)),
    # Satcher: "to provide physicians and postdoctoral professionals with the knowledge...".
    Case("pediatrician_and_satcher", SATCHER, {"age": 41, "current_occupation": "pediatrician"},
         "I'm a pediatrician, 41. Can I apply to the Satcher Health Policy Leadership Fellowship?",
         "eligible", "It is for physicians and postdoctoral professionals, and you work as", (LIKELY,)),
    Case("psychologist_with_a_phd_and_satcher", SATCHER,
         {"age": 38, "current_occupation": "psychologist", "education": "doctorate"},
         "I'm a psychologist with a PhD, age 38. Am I eligible for the Satcher fellowship?",
         "eligible", "you have a doctorate", (LIKELY,)),
    Case("rn_with_a_bachelors_and_satcher", SATCHER,
         {"age": 30, "current_occupation": "registered_nurse", "education": "bachelor"},
         "I'm an RN with a BSN, 30 years old. Can I do the Satcher fellowship?",
         "not_eligible", "you said you work as Registered Nurse (RN)", (UNLIKELY,)),
    Case("teen_and_satcher", SATCHER, {"age": 16, "grade": 11},
         "I'm 16 and a junior. Can I do the Satcher Health Policy Leadership Fellowship?",
         "not_eligible", "It is for physicians and postdoctoral professionals.", (UNLIKELY,)),
    # Safety-net leaders: "Kaiser Permanente has granted scholarships to safety-net leaders".
    Case("clinic_manager_and_ihi_scholarships", {"funding": "ihi_safety_net_scholarships"},
         {"age": 45, "current_occupation": "health_services_manager"},
         "I'm a health services manager, 45. Can I get an IHI Safety Net scholarship?",
         "maybe", "whether you are a leader at a safety-net hospital or health center", ("safety-net",)),
    Case("high_schooler_and_ihi_scholarships", {"funding": "ihi_safety_net_scholarships"}, {"age": 17, "grade": 12},
         "I'm 17 and a senior. Can I get an IHI Safety Net scholarship?",
         "not_eligible", "It is for leaders of safety-net hospitals and health centers.", (UNLIKELY,)),
    # Health Equity Scholars (2023-2024 cycle): graduating seniors with a permanent address in
    # CA, CO, GA, HI, MD, OR, VA, WA or DC; preference for financial need or under-represented.
    Case("latina_senior_in_fresno_and_hes", HES,
         {"grade": 12, "student": "high_school", "city": "Fresno", "state": "CA", "groups": ["hispanic_latino"]},
         "I'm a Latina senior in high school in Fresno. Can I get the Kaiser Permanente Health Equity Scholars scholarship?",
         "eligible", "These rules are from the 2023-2024 cycle; check the current one.", (LIKELY,)),
    Case("junior_in_fresno_and_hes", HES, {"grade": 11, "student": "high_school", "city": "Fresno", "state": "CA"},
         "I'm a junior in high school in Fresno. Can I get the Health Equity Scholars scholarship?",
         "not_eligible", "It is for students in grade 12", (UNLIKELY,)),
    Case("texas_senior_and_hes", HES, {"grade": 12, "student": "high_school", "city": "Houston", "state": "TX"},
         "I'm a senior in high school in Houston Texas. Can I get the Health Equity Scholars scholarship?",
         "not_eligible", "It is only for people who live in", (UNLIKELY,)),
    Case("college_student_and_hes", HES, {"age": 20, "student": "college", "city": "Oakland", "state": "CA"},
         "I'm 20 and in college in Oakland. Can I get the Health Equity Scholars scholarship?",
         "not_eligible", "", (UNLIKELY,)),
    # Pipeline programs: "introduce underrepresented grade school and high school students".
    Case("black_tenth_grader_and_pipeline", PIPELINE,
         {"grade": 10, "student": "high_school", "city": "Oakland", "state": "CA", "groups": ["black"]},
         "I'm a Black 10th grader in Oakland. Can I join Kaiser's health career pipeline programs for students?",
         "eligible", "It serves people from groups under-represented in health care, and that includes you.", (LIKELY,)),
    Case("tenth_grader_not_named_in_a_group_and_pipeline", PIPELINE,
         {"grade": 10, "student": "high_school", "city": "Oakland", "state": "CA", "groups": ["asian_american"]},
         "I'm an Asian American 10th grader in Oakland. Can I join Kaiser's health career pipeline programs for students?",
         "maybe", "the source does not say whether others can join", ("does not say whether others can join",)),
    Case("adult_and_pipeline", PIPELINE, {"age": 30, "student": "not_student", "city": "Oakland", "state": "CA"},
         "I'm 30 and not in school. Can I join Kaiser's health career pipeline programs for students?",
         "not_eligible", "It is for middle-school students or high-school students.", (UNLIKELY,)),
    # KP School of Allied Health: "18 years of age or older"; "High school diploma, GED or
    # equivalent"; bachelor's programs need "an AA or AS (or higher) degree".
    Case("adult_with_a_diploma_and_kpsahs_ma", KPSAHS_MA, {"age": 24, "education": "high_school", "city": "Richmond", "state": "CA"},
         "I'm 24 with a high school diploma in Richmond CA. Can I get into the KPSAHS medical assisting program?",
         "eligible", "It is for people 18 and older, and you are 24.", (LIKELY,)),
    Case("sixteen_year_old_and_kpsahs_ma", KPSAHS_MA, {"age": 16, "grade": 11, "city": "Richmond", "state": "CA"},
         "I'm 16 and a junior in Richmond CA. Can I get into the KPSAHS medical assisting program?",
         "not_eligible", "It is for people 18 and older, and you are 16.", (UNLIKELY,)),
    Case("associate_degree_and_radiology", RADIOLOGY, {"age": 27, "education": "associate"},
         "I'm 27 with an associate degree. Can I apply to the KPSAHS radiologic technology program?",
         "eligible", "You need an associate degree, and you have that.", (LIKELY,)),
    Case("diploma_only_and_radiology", RADIOLOGY, {"age": 27, "education": "high_school"},
         "I'm 27 and only have my high school diploma. Can I apply to the KPSAHS radiologic technology program?",
         "not_eligible", "You need an associate degree first.", (UNLIKELY,)),
    Case("bachelors_and_counseling_ms", {"program": "kp_school_of_allied_health_mental_health_counseling"},
         {"age": 29, "education": "bachelor"},
         "I'm 29 with a bachelor's degree. Can I apply to the KPSAHS Master of Science in Counseling?",
         "eligible", "You need a bachelor's degree, and you have that.", (LIKELY,)),
    # KPSOM: "Applicants must have a bachelor's degree from an accredited college or university".
    Case("graduate_and_kpsom", {"program": "kp_bernard_j_tyson_school_of_medicine_md"}, {"age": 23, "education": "bachelor"},
         "I'm 23 and just finished my bachelor's degree. Can I apply to the Kaiser Permanente School of Medicine?",
         "eligible", "You need a bachelor's degree, and you have that.", (LIKELY,)),
    Case("associate_degree_and_kpsom", {"program": "kp_bernard_j_tyson_school_of_medicine_md"}, {"age": 22, "education": "associate"},
         "I'm 22 with an associate degree. Can I apply to the Kaiser Permanente School of Medicine?",
         "not_eligible", "You need a bachelor's degree first.", (UNLIKELY,)),
    # Goodwill: "people with employment barriers, including veterans, youth, people with
    # disabilities, people experiencing homelessness, and recently incarcerated populations".
    Case("veteran_and_goodwill", {"program": "goodwill_kaiser_permanente_hiring"},
         {"age": 35, "city": "Los Angeles", "state": "CA", "groups": ["veteran"]},
         "I'm a 35 year old veteran in Los Angeles looking for work. Can the Goodwill and Kaiser hiring partnership help me?",
         "eligible", "It serves veterans", (LIKELY,)),
    # The Mental Health Scholars Academy: "helping existing Kaiser Permanente employees".
    Case("walmart_worker_and_mhsa", {"program": "kp_mental_health_scholars_academy"},
         {"employee": True, "employer": "walmart", "city": "Sacramento", "state": "CA"},
         "I work at Walmart in Sacramento. Can I join the Kaiser Permanente Mental Health Scholars Academy?",
         "not_eligible", "It is only open to Kaiser Permanente employees.", (UNLIKELY,)),
    Case("kaiser_worker_and_mhsa", {"program": "kp_mental_health_scholars_academy"},
         {**KP, "city": "Sacramento", "state": "CA"},
         "I work at Kaiser in Sacramento. Can I join the Kaiser Permanente Mental Health Scholars Academy?",
         "maybe", "", ("not published",)),
]


# What each person says when the assistant asks, in their words.
KAISER = {"employer": "I work at Kaiser", "age": "34"}
ANSWERS = {
    "cna_nurse_is_not_in_seiu": {**KAISER, "union": "California Nurses Association", "current_occupation": "I'm an RN", "place": "Oakland"},
    "seiu_call_center_worker_gets_the_ed_fund": {**KAISER, "union": "seiu", "current_occupation": "I work in the call center", "place": "Fresno"},
    "uhw_member_is_in_seiu": {**KAISER, "union": "UHW", "place": "Fresno"},
    "non_union_worker_and_the_ed_fund": {**KAISER, "union": "no", "place": "Fresno"},
    "uhw_member_needs_probation_for_hudnall": {**KAISER, "union": "SEIU-UHW", "place": "Fresno"},
    "ofnhp_member_in_portland_and_hudnall": {**KAISER, "union": "OFNHP", "place": "Portland, OR"},
    "cna_member_and_hudnall_is_asked_not_told": {**KAISER, "union": "California Nurses Association", "place": "Oakland"},
    "non_union_worker_and_hudnall": {**KAISER, "union": "no", "place": "Oakland"},
    "stockton_rn_choice_program": {**KAISER, "union": "no", "current_occupation": "I'm an RN", "place": "95214"},
    "los_angeles_rn_choice_program": {**KAISER, "union": "no", "current_occupation": "I'm an RN", "place": "Los Angeles"},
    "lvn_choice_program": {**KAISER, "union": "no", "current_occupation": "I'm an LVN", "place": "Oakland"},
    "pediatrician_and_satcher": {"age": "41", "current_occupation": "I'm a pediatrician", "place": "Atlanta"},
    "psychologist_with_a_phd_and_satcher": {"age": "38", "current_occupation": "I'm a psychologist", "education": "I have a PhD"},
    "rn_with_a_bachelors_and_satcher": {"age": "30", "current_occupation": "I'm an RN", "education": "I have a BSN"},
    "teen_and_satcher": {"age": "16", "grade": "junior", "current_occupation": "I'm in high school"},
    "clinic_manager_and_ihi_scholarships": {"age": "45", "current_occupation": "I'm a health services manager"},
    "high_schooler_and_ihi_scholarships": {"age": "17", "grade": "senior", "current_occupation": "I'm still in high school"},
    "latina_senior_in_fresno_and_hes": {"grade": "senior", "place": "Fresno", "student": "yes", "groups": "I'm Latina"},
    "junior_in_fresno_and_hes": {"grade": "junior", "place": "Fresno", "student": "yes"},
    "texas_senior_and_hes": {"grade": "senior", "place": "Houston, TX", "student": "yes"},
    "college_student_and_hes": {"age": "20", "grade": "college", "place": "Oakland", "student": "yes, college"},
    "black_tenth_grader_and_pipeline": {"grade": "10th", "place": "Oakland", "student": "yes", "groups": "I'm Black"},
    "tenth_grader_not_named_in_a_group_and_pipeline": {"grade": "10th", "place": "Oakland", "student": "yes", "groups": "Asian American"},
    "adult_and_pipeline": {"age": "30", "student": "no", "place": "Oakland", "grade": "I'm not in school"},
    "adult_with_a_diploma_and_kpsahs_ma": {"age": "24", "education": "high school diploma", "place": "Richmond, CA"},
    "sixteen_year_old_and_kpsahs_ma": {"age": "16", "grade": "junior", "place": "Richmond, CA"},
    "associate_degree_and_radiology": {"age": "27", "education": "associate degree"},
    "diploma_only_and_radiology": {"age": "27", "education": "high school diploma"},
    "bachelors_and_counseling_ms": {"age": "29", "education": "bachelor's degree"},
    "graduate_and_kpsom": {"age": "23", "education": "bachelor's degree"},
    "associate_degree_and_kpsom": {"age": "22", "education": "associate degree"},
    "veteran_and_goodwill": {"age": "35", "place": "Los Angeles", "groups": "I'm a veteran"},
    "walmart_worker_and_mhsa": {"employer": "I work at Walmart", "age": "33", "place": "Sacramento"},
    "kaiser_worker_and_mhsa": {"employer": "I work at Kaiser", "age": "33", "place": "Sacramento"},
}
CASES = [replace(case, answers=ANSWERS[case.name]) for case in CASES]

# The question each person asks first in the chat: the program or fund by the name it goes by.
ASK = {'pediatrician_and_satcher': 'Am I eligible for the Satcher Health Policy Leadership Fellowship?',
    'rn_with_a_bachelors_and_satcher': 'Am I eligible for the Satcher Health Policy Leadership Fellowship?',
    'teen_and_satcher': 'Am I eligible for the Satcher Health Policy Leadership Fellowship?',
    'psychologist_with_a_phd_and_satcher': 'Am I eligible for the Satcher Health Policy Leadership Fellowship?',
    'latina_senior_in_fresno_and_hes': 'Am I eligible for the Health Equity Scholars Program?',
    'junior_in_fresno_and_hes': 'Am I eligible for the Health Equity Scholars Program?',
    'texas_senior_and_hes': 'Am I eligible for the Health Equity Scholars Program?',
    'college_student_and_hes': 'Am I eligible for the Health Equity Scholars Program?',
    'black_tenth_grader_and_pipeline': 'Am I eligible for the Kaiser Permanente health career pipeline programs for students?',
    'tenth_grader_not_named_in_a_group_and_pipeline': 'Am I eligible for the Kaiser Permanente health career pipeline programs for students?',
    'adult_and_pipeline': 'Am I eligible for the Kaiser Permanente health career pipeline programs for students?',
    'adult_with_a_diploma_and_kpsahs_ma': 'Am I eligible for the KPSAHS medical assisting program?',
    'sixteen_year_old_and_kpsahs_ma': 'Am I eligible for the KPSAHS medical assisting program?',
    'bachelors_and_counseling_ms': 'Am I eligible for the KPSAHS Master of Science in Counseling?',
    'graduate_and_kpsom': 'Am I eligible for the Kaiser Permanente Bernard J. Tyson School of Medicine MD program?',
    'associate_degree_and_kpsom': 'Am I eligible for the Kaiser Permanente Bernard J. Tyson School of Medicine MD program?',
    'walmart_worker_and_mhsa': 'Am I eligible for the Mental Health Scholars Academy?',
    'kaiser_worker_and_mhsa': 'Am I eligible for the Mental Health Scholars Academy?',
    'clinic_manager_and_ihi_scholarships': 'Am I eligible for the IHI Safety Net Endowment scholarships?',
    'high_schooler_and_ihi_scholarships': 'Am I eligible for the IHI Safety Net Endowment scholarships?',
    'stockton_rn_choice_program': 'Am I eligible for the Nurse Scholars Academy tuition assistance (Choice program)?',
    'los_angeles_rn_choice_program': 'Am I eligible for the Nurse Scholars Academy tuition assistance (Choice program)?',
    'lvn_choice_program': 'Am I eligible for the Nurse Scholars Academy tuition assistance (Choice program)?',
    'cna_nurse_is_not_in_seiu': 'Am I eligible for the SEIU-UHW & Joint Employer Education Fund Tuition Support?',
    'seiu_call_center_worker_gets_the_ed_fund': 'Am I eligible for the SEIU-UHW & Joint Employer Education Fund Tuition Support?',
    'uhw_member_is_in_seiu': 'Am I eligible for the SEIU-UHW & Joint Employer Education Fund Tuition Support?',
    'non_union_worker_and_the_ed_fund': 'Am I eligible for the SEIU-UHW & Joint Employer Education Fund Tuition Support?',
    'uhw_member_needs_probation_for_hudnall': 'Am I eligible for the Ben Hudnall Memorial Trust tuition support?',
    'ofnhp_member_in_portland_and_hudnall': 'Am I eligible for the Ben Hudnall Memorial Trust tuition support?',
    'cna_member_and_hudnall_is_asked_not_told': 'Am I eligible for the Ben Hudnall Memorial Trust tuition support?',
    'non_union_worker_and_hudnall': 'Am I eligible for the Ben Hudnall Memorial Trust tuition support?'}
CASES = [replace(case, say=ASK.get(case.name, case.say)) for case in CASES]

# Cases the chat cannot reach yet, by name, with why (they are checked through POST /eligibility
# only, and the reason is reported): none now.
CHAT_GAPS: dict[str, str] = {}
CASES = [replace(case, chat_gap=CHAT_GAPS.get(case.name, "")) for case in CASES]
