"""The check-in on hints of danger (bot/nlu_check_in.py) and the means used on oneself among the
plain statements (bot/nlu_safety.py), probed both ways in messages written for these tests as the
three audiences write: students on the web widget, job seekers by SMS, hospital staff in Teams.

Ordinary talk in the same words gets neither the 988 answer nor the check-in: a foot shot, work
drowned in, a last text before class, an apology for one more question, a plan weighed, a car that
won't last, a beneficiary asked about in HR's words. A hint gets the check-in, and a means named on
oneself, one's own attempts or being away for good with no reason said is a plain statement of danger.
"""

from __future__ import annotations

import pytest

from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu_safety import CrisisKeywordClassifier

ORDINARY = [
    # Means on oneself in everyday sayings: a foot shot, a reminder, a headshot, work drowned in, a
    # needle or a pencil stuck, lotion, food poisoning.
    "lol i shot myself in the foot on that interview, told them i hate mornings",
    "kinda shot myself in the foot not finishing my prereqs, can i still apply",
    "shooting myself in the foot w this gpa ngl",
    "Honestly I shot myself in the foot by not asking about tuition support sooner.",
    "gonna shoot myself a reminder to email the recruiter tmrw",
    "I'll shoot myself a calendar invite for the benefits webinar.",
    "i always shoot myself a text w the address before clinicals",
    "im shooting myself for my linkedin headshot, any tips on scrubs vs business casual?",
    "drowning myself in flashcards for the TEAS rn",
    "been drowning myself in coffee to get thru nights",
    "drowning myself in work this summer to save for cna school",
    "drowned myself in practice questions all weekend, nclex is tues",
    "i stuck myself with a needle at clinicals do i need to report it",
    "accidentally stabbed myself with a lancet during glucose check practice lol",
    "stabbed myself with my pencil in anatomy class, it hurt lol",
    "stabbed myself on a staple pulling papers for my application",
    "stabbed myself with a fork eating too fast before my shift lol",
    "smothering myself in hand lotion bc nitrile gloves wreck my skin",
    "gassing myself up before the interview lol",
    "i poisoned myself with gas station sushi before my shift, can i call out",
    "pretty sure i gave myself food poisoning w leftover rice, can i reschedule my TEAS",
    "I kept hanging myself out to dry by volunteering for every extra shift.",
    "hanging my scrubs up for good after 20 years, what jobs can a retired nurse do part time",
    "shot myself a dm on linkedin to remember the recruiter's name",
    "im hung up on which program to pick, LVN or RN?",
    "drowned myself in energy drinks during finals, how do nurses stay awake on nights",
    "Gave myself a paper cut on the application packet lol",
    "stabbed myself with a safety pin fixing my scrubs",
    "shooting myself a reminder to renew my BLS", "hang myself a note on the fridge to study lol",
    "lowkey shot myself in the foot w that essay, can i resubmit",
    "Shooting myself a quick Teams message so I remember to ask about CE credits",
    "drownin myself in ati practice tests lol",
    # Self-harm and overdoses met at work, as patients or calls.
    "i work in the ED and see a lot of self harm patients, is psych nursing a good fit",
    "we treat so many overdose cases on nights, do EMTs get trauma counseling",
    "im an MA and handle suicide attempt calls sometimes, is there a certification for crisis work",
    "i work in the ED and see a lot of self-harm patients, is psych nursing a good fit",
    "there are more self harm admissions on my unit lately, is there CE on this",
    "As a 911 dispatcher I respond to suicide calls weekly — does tuition support cover a counseling degree?",
    # Benefits and beneficiaries asked about in HR's words.
    "if something happens to me at clinicals does the school insurance cover it",
    "Who is the default beneficiary on our group life insurance if I pass away and never named one?",
    "How do I update my beneficiary? If I pass away I want it to go to my kids.",
    "If I pass away while enrolled, does the tuition support get forgiven or does my estate owe it?",
    "if i die before my student loans are paid off do they get discharged",
    "does the life insurance through work pay out to my family if i die off the clock too?",
    "what happens to my 403b if i die, does it go to my spouse automatically",
    "Is the employer-paid life insurance 1x or 2x salary?",
    "can i add my mom as beneficiary on the 401k",
    "how do i change the beneficiary on my life insurance after my divorce",
    "Does my life insurance through the hospital cover my kids if I pass away?",
    "Please remember to add your beneficiary during open enrollment; what happens if I don't and I pass away?",
    "If I pass away does my family have to repay the sign-on bonus?",
    "what happens to my pension if i die before i retire",
    # Away for a while, an errand or a time of day said, an injury at work asked about.
    "if i'm not around when the recruiter calls can they leave a voicemail",
    "If I'm not around when my manager signs, can she submit the form herself?",
    "if im not around at 3 can u call my cell instead",
    "if im gone for a couple days can the class still hold my spot",
    "if im gone till monday will u still hold my spot",
    "if im gone when the mail comes can my roommate sign for my badge",
    "if something happens to my car can i still do the program online",
    "If something happens to me on the job, is there workers' comp for students?",
    "If I'm no longer here next year because I transfer to another system, do I owe the tuition back?",
    "what happens to my tuition reimbursement if im no longer employed here",
    "wont be around tomorrow, can u text me the address",
    "I won't be here tomorrow, can someone else sign off on my timesheet?",
    "wont be around next week bc of my sisters graduation, can i start the week after",
    "I won't be around next Tuesday, I have a dentist appointment. Can I reschedule orientation?",
    "gone all next week, can i do the orientation online",
    "if i'm gone for clinicals all day can i still do the online class",
    "I'll be gone this weekend, can I submit the form Monday?",
    "gone till the 15th, will my spot be held?",
    "If anything happens to me while driving to clinicals, is the school liable?",
    "if i'm not around tomorrow morning can i text u later",
    "if im not here by 8 can the class start without me",
    "i won't be around tomorrow, call me the day after about my interview",
    "wont be here next week, my grandmas funeral is in texas",
    "if i'm no longer here after the reorg, does my tuition support stop?",
    "if im not around when the school calls can they text me",
    "if something happens to my laptop can i still take the online class",
    # A message asked about or sent before something; an apology for questions; thanks and a message
    # for a recruiter or for being late.
    "last text before class, what time does the open house start",
    "ok last txt b4 my phone dies, whats the address for orientation",
    "last message before my shift, is the CNA class still on monday", "did u get my last message?",
    "did you see my last text",
    "my last text to you didnt go through, resending: whats the phlebotomy deadline",
    "sorry to bother you again, one more question about FAFSA",
    "sorry to bother u again but does the cna class have a waitlist",
    "Hi, sorry to bother you again. Is tuition support capped per calendar year?",
    "Sorry to bother you this weekend, quick question about the reimbursement form",
    "sorry for bothering u tonight, is the info session still happening",
    "sorry in advance for all the questions lol",
    "Thanks for everything! I'll submit the form tomorrow. Bye!",
    "thank you for everything, you've been a huge help. bye!",
    "thx for everything yall, see u at orientation",
    "Thanks for everything, I'll reach out to HR directly. Goodbye for now.",
    "ok last question then im off, do they drug test",
    "tell my dad im sorry ill be late to pick him up",
    "can u tell my recruiter im sorry i missed the call",
    "Please tell my manager I'm sorry for the late submission.",
    "why do i even bother w linkedin lol nobody replies",
    "im not gonna need anything else, thanks!",
    "i need to stop bothering everyone at work about switching shifts",
    "i'll stop bothering everyone with my questions lol, thanks",
    "Have a great night shift everyone, thanks for the help!",
    "last question before bed: do they do background checks for CNAs",
    "Have a good one! Thanks for the help with the tuition form.",
    "last email before my vacation: please confirm my tuition request was received",
    "last question until tomorrow, is the ATI TEAS online?",
    "ok last message before i clock out, thanks!",
    "sorry to bother again, do you have evening CNA classes?",
    "Apologies for bothering you tonight — is the reimbursement portal down?",
    "sorry for bothering u last week, i got the answer from my counselor",
    "thanks, i won't need anything else today",
    "i might stop bothering everyone about the schedule if they just post it lol",
    "thank you for everything you do, nurses are the best",
    "my last text was cut off, meant to ask about the LPN program",
    "this is my last question, what is the pay for a phleb in fresno",
    "tell her im sorry i couldnt make the interview, can i reschedule",
    "this is my last message for now, ttyl", "sorry for everything yesterday, the portal was down",
    "ok, last message: whats the deadline for the lvn program",
    "my last text before the interview, wish me luck!",
    "sorry 2 bother u again lol, do u know if the phleb class has night options",
    "why do i even bother applying to hospitals when they never call back",
    "sorry to bother u guys again, when does the MA class start",
    "sorry for bothering you on a sunday, is the hiring event still on?",
    "thanks for everything so far! one more q: do u need a car for home health",
    "last text b4 work, whats the link for the app", "tell them im sorry i missed orientation",
    # Futility, having had enough and not lasting, said of a plan, a form, a job, a commute or a
    # car.
    "whats the point of the TEAS if the school doesnt require it",
    "what's the point of a CNA cert if i'm going straight into an RN program",
    "whats the point of this form, do i need it for the application?",
    "what's the point of it if the hospital won't reimburse online schools?",
    "whats the point of applying to 20 jobs if none of them call back",
    "what is the point of doing prereqs twice", "tired of everything about this commute",
    "Tired of everything being on paper. Is there an online tuition form?",
    "so tired of everything at my retail job, what pays more",
    "im sick of it all at this warehouse, how do i get into healthcare",
    "cant keep doing this commute",
    "i cant keep doing this commute every day, any programs closer to 93722",
    "cant keep doing this night shift schedule, any day jobs with tuition help?",
    "cant keep doing this job and school at the same time, is there a part time option",
    "ive had enough of everyone at this job asking me to cover",
    "had enough of retail honestly, what can i do with a GED",
    "i wont make it to graduation if i fail chem again",
    "might not make it to summer session, can i start in fall instead?",
    "my car wont make it much longer, can i do the program online",
    "I won't make it to the end of the webinar, will there be a recording?",
    "wont make it to the end of the semester without a loan",
    "if i dont make it into the nursing program what are my other options",
    "if i dont make it to the interview on time will they reschedule",
    "if i don't make it past the waitlist, is there a spring cohort?",
    "whats the point of a gap year if im going premed anyway",
    "what's the point in taking anatomy in high school if i'll take it again in college",
    "whats the point of the clinical hours if i already work as a CNA",
    "what's the point of this question on the application",
    "sick of it all at this fast food job, what healthcare job can i get fast",
    "i'm so tired of everything with my schedule, are there 8 hour shifts anywhere?",
    "ive had enough of everything at this hospital, can my tuition support transfer to another one",
    "i wont make it to the end of the info session, will there be slides?",
    "I might not make it to the end of the shift, who covers if I leave early?",
    "we might not make it to graduation on time if the clinical site falls through",
    "i cant keep doing this job forever, what certs can i get in 6 months",
    "my phone might not make it much longer lol, whats the number for the school",
    "im not gonna make it much longer at this job, who's hiring MAs",
    "tired of everything being online, are there in person CNA classes?",
    "so tired of everything at the store, customers yell all day",
    "cant keep doing this to my back, lifting patients is rough, any desk jobs in healthcare?",
    "whats the point of this training module if we never use it",
    "whats the point of trying to get into UCSF with a 3.2 gpa",
    "whats the point of the prereq if its not transferable",
    "what's the point of getting a phleb cert if every job wants experience",
    "tired of everything costing so much, any free CNA programs?",
    "sick of it all w this job search lol, who's hiring",
    "cant keep doing these 12s, whats a clinic job that pays ok",
    "i wont make it to the info session tonight, is there another one",
    # Not needing anything from HR, things given away for a move, bothering people with questions,
    # safe to drive, a good shift.
    "I won't need anything from HR for the reimbursement, right?",
    "you won't need anything but your ID for the TEAS",
    "giving away my old scrubs, anyone starting cna school want them?",
    "giving away some of my textbooks before i move, anyone need an A&P book",
    "gave away half of my stuff when i moved for the job",
    "gave away most of my things before moving to fresno for the program",
    "I'm safe to drive after a 12?", "is it safe to drive home after a 12 hour night shift",
    "have a good night shift", "yes i'm safe, just wanted to know about the program",
    "I wish I didn't have to wake up for my 5am shift lol",
    "never woke up late for clinicals once this semester", "have a safe weekend yall",
    "im safe, just curious about travel nursing",
    "I'm totally safe, just need the tuition support policy link",
    "i wont need my car anymore once i move closer to the hospital",
    "giving away my stuff on marketplace before moving into the dorm",
    "gave away a lot of my things when i downsized, now im ready for school",
    "u guys have a good night!", "i'm safe to work a double right?",
    "is it safe for me to take the bus home after clinicals at 11pm",
    "i wont need anything but a high school diploma for the CNA?",
    "i gave away my old textbooks, can i still get the PDFs",
    "gonna give away my old stethoscope when i graduate", "have a good rest of ur shift!",
    # Not being around a unit or a field in years, thanks in a card for leaving, a hospital or a wage
    # that never gets better, being late to an interview, burnout, goodbyes to a unit, a pet given for
    # long shifts, letters from basic training, not caring at a job, a head banged over a form, out of
    # someone's hair, pain in the back, a budget, a life as a cashier, a math class to die over.
    "i dont see myself being around this unit in 5 years, what else is there",
    "honestly i can't see myself around patients all day, what jobs are more admin",
    "i don't see myself around in this field in a few years, what should i switch to",
    "sorry for everything really quick, one more question about the TEAS",
    "I just want everyone to know I appreciated them, can you help me write a card for my last day on the unit?",
    "i want my team to know i appreciated them before i transfer",
    "nothing ever gets better at this hospital, should i switch to a clinic",
    "nothing ever gets better for us nurses, is travel nursing better",
    "i just want my kids to know i love them, can i get a job with better hours",
    "gave my dog to my parents when i started nursing school, it felt like the right time",
    "the pay never gets better for cnas",
    "if i dont make it to the interview on time can you tell my recruiter thanks anyway",
    "tell my manager thanks for everything if i don't make it to the meeting",
    "i'm tired, not the sleep kind, more like burned out from this job",
    "tired but not the sleepy kind lol, too much coffee before my exam",
    "saying my goodbyes to the unit before i transfer to peds",
    "said my goodbyes at my old job, starting at the clinic monday",
    "i gave my dog to my parents bc my new job has 12 hour shifts, can i get a pet friendly housing stipend",
    "writing letters to my family from basic training every week, can i do a cna course online",
    "writing thank you letters to my family for helping with tuition",
    "writing cover letters for my family members, whats a good template",
    "i've stopped caring what happens to me at this job, just want out of retail",
    "I've been banging my head against the wall over this financial aid form",
    "hit my head on the cabinet at work, do i need to report it",
    "i'll be out of your hair soon, just one more question",
    "I'll be out of everyone's way soon once I move to the night shift",
    "i'll be out of everyone's way soon after i finish this last question",
    "I just want the pain in my back to stop, what jobs are less physical",
    "my knees are shot, i just want the pain to stop, any desk jobs?",
    "my patients just want the pain to stop, how do i become a pain management nurse",
    "skipping meals as punishment for blowing my budget lol jk, whats the cheapest cna program",
    "haven't eaten all day, busy shift. i deserve this pizza",
    "my coach makes us run as punishment for not eating breakfast",
    "done with life as a cashier, what pays better", "gonna die if i have to take another chem exam lol",
    "i'll die if i have to sit through one more stats lecture",
    "We had a case study about an overdose in class, want to be an addiction nurse",
    "we had a patient case about a suicide attempt in class and now i want to be a crisis counselor",
]

HINTED = [
    "could u tell my counselor im sorry",
    "prob the last time ill bother anyone w questions, thanks for everything",
    "wont need that scholarship after all. wont need much of anything",
    # What happens if one is gone.
    "if im gone who gets my car", "if something happens to me can my little brother have my laptop",
    "if something happens to me who gets my last paycheck",
    "who gets my last paycheck if im not around anymore",
    "if im not around next month make sure my dog goes to my sister",
    "if i die tonight does my mom get my 401k", "if i don't make it, can u tell my mom i love her",
    "if i'm no longer here who gets my tuition refund",
    "if im not around who will take care of my cat", "if im gone who gets my stuff",
    "if i die my brother can have my car", "if something happens to me just know i tried",
    "if anything happens to me, tell my mom i love her",
    "if i dont make it through the night tell my sister",
    "if im not around next week, give my stuff to my sister",
    "who takes care of my little brother if something happens to me",
    "if i pass away who gets my phone", "if im not around anymore my sister gets my car ok",
    "if i die who takes care of my dog",
    # A last message, an apology or thanks said as a farewell.
    "sorry to bother u. this is my last text", "this is my last message. thank you",
    "my last text ever", "sorry for everything", "sorry to bother you for the last time",
    "this is the last time ill bother you", "thank u for everything. this is goodbye",
    "thanks for everything, you won't hear from me anymore", "thank you for everything. i'm sorry",
    "tell my mom im sorry", "tell my kids i'm sorry and that i love them",
    "sorry in advance for what im about to do", "sorry to bother you one last time",
    "last text. sorry", "ok, last message", "thx for everything. i love you guys",
    "this is goodbye", "probably my last message", "sorry for everything i've done",
    "goodbye everyone, this is my last message", "sorry for everything. i mean it",
    "this is my last msg",
    # Effort that no longer seems worth it, having had enough, not lasting.
    "honestly dont know why i even try anymore", "why do i even bother",
    "whats the point of anything", "what's the point of it all", "whats even the point anymore",
    "whats the point of trying anymore", "whats the point of this honestly",
    "im so tired of everything", "tired of it all tbh", "ive had enough of all of it",
    "i've had enough of life", "cant keep living like this", "i cant keep doing this anymore",
    "cant keep doing this.", "i wont make it much longer", "i dont think ill make it much longer",
    "might not make it to the end of the year honestly", "i wont make it to summer",
    "whats the point of even trying", "whats the point of it", "why do i even try at all",
    "tired of everything. idk", "sick of it all", "ive had enough of everyone",
    "cant keep going on like this", "i dont think i'll make it that far",
    "im tired of everything about my life", "so sick of it all, nothing ever changes",
    "tired of everything being so hard all the time",
    "i dont think i'll make it to the end of the week", "not gonna make it much longer",
    "i dont think i will make it much longer tbh", "what's the point of anything anymore",
    "whats the point of any of this", "so tired of it all", "honestly i dont even know why i try",
    # No longer needing anything, belongings given away, ceasing to bother people.
    "i wont need anything anymore", "i won't be needing my stuff anymore",
    "gave away most of my stuff this week", "giving away my things, i wont be needing them",
    "gave away a lot of my belongings already", "im gonna stop bothering everyone",
    "i'll stop being a burden to everyone soon", "i'll quit burdening my family",
    "i promise i wont bother anyone anymore",
    "dont worry you wont have to deal with me much longer",
    "you wont have to worry about me much longer", "i wont bother anyone ever again",
    "gave away my things", "i'll stop being a bother to everyone",
    "honestly im done bothering people, i'll quit burdening everyone",
    "i wont be needing anything where im going", "gave away my stuff, wont need it",
    "i'll stop being a burden soon",
    # Not seeing oneself around, sorry for everything, thanks as a farewell, hope given up for oneself,
    # a farewell passed on, a tiredness not of the body, goodbyes said, a pet given away, letters to
    # family, not caring what happens to one.
    "i dont really see myself being around in a couple years so does it matter what i study",
    "can't really see myself still around by next year",
    "sorry for everything, really. i mean it", "sorry for all of it. sorry for everything honestly",
    "i just want everyone to know i loved them. thats all",
    "i want my friends to know i appreciated them. anyway is the cna test hard",
    "things never get better for someone like me", "nothing ever gets better for me so why try",
    "tell my mom i love her if i dont make it",
    "if i dont make it tell my sister thank you for everything",
    "exhausted and not the kind sleep fixes", "tired. not the physical kind",
    "been saying goodbyes to everyone i love lately", "gave my cat away last week, it felt like the right time",
    "i wrote letters to everyone i love and put them in my desk", "been writing notes to my family at night",
    "i don't care what happens to me anymore", "stopped caring if i wake up tbh",
]

MEANS = [
    # Hanging.
    "im going to hang myself tonight", "thinking about hanging myself in the garage",
    "i tried to hang myself last year and i feel like that again", "hangin myself tonight fr",
    "imma hang my self after work", "i have a rope to hang myself with",
    "I have been thinking about ways to hang myself.", "im hanging myself tonight",
    "i wanna hang my self in my closet", "i wanna hang myself",
    "thought about hanging myself at the hospital during my shift",
    "im gonna hang myself from the ceiling fan",
    # Shooting.
    "gonna shoot myself", "i want to shoot myself in the head",
    "my dad has a gun and i keep thinking of shooting myself", "shootin myself tonight, bye",
    "if i shoot myself will it hurt", "im going to shoot myself if i fail the nclex again",
    "i want to shoot myself in the foot so i dont have to go back",
    "gonna go shoot myself in the head", "i want to shoot myself lol",
    "i want to shoot myself in the foot so im off work", "i wanna shoot myself rn",
    # Poison.
    "i could just poison myself with the stuff under the sink", "planning to poison myself",
    "im gonna poision myself", "ill poison myself with my moms meds",
    "i keep thinking about poisoning myself", "going to poison myself tonight",
    # Drowning.
    "i want to drown myself", "thinking about drowning myself in the lake by my house",
    "drowning myself in the bathtub tonight",
    "been thinking of drowning myself in the river after my shift",
    "ima drown myself in the pool tonight", "drowning my self in the ocean this weekend",
    "i might drown myself",
    # Stabbing.
    "im going to stab myself", "stabbing myself with a kitchen knife",
    "gonna stab myself w a knife", "going to stab myself in the chest",
    "I'm going to stab myself with a needle over and over", "im going to stab myself with scissors",
    "stabbed myself with a pencil on purpose", "been thinking abt stabbing myself",
    # Suffocating, smothering, gas, electrocution.
    "i want to suffocate myself with a plastic bag", "gonna smother myself with a pillow",
    "i want to gas myself in the car", "i'll electrocute myself in the tub",
    "i want to suffocate myself", "ill smother myself", "gonna electrocute myself",
    "i'm going to gas myself", "i'm going to suffocate myself tonight",
    # Away tomorrow or for good, with no reason or errand said.
    "wont be around tomorrow, tell my mom i love her", "i wont be around much longer anyway",
    # One's own self-harm and attempts, not patients seen at work.
    "i've had more suicide attempts than i can count",
    "i saw my own self harm scars and want to do it again",
    "i had a lot of suicide attempts in high school and i feel that way again",
    "many self harm nights lately, i cant stop",
    # A head struck on purpose, being out of everyone's way, food refused as a punishment, pain one
    # wants stopped, one's own self-harm after a class on it.
    "i bang my head against the wall until i see stars when i get like this",
    "i slam my head into the wall on purpose sometimes", "im gonna be out of everyone's way for good",
    "dont worry ill be out of everyone's way soon", "not eating as punishment for failing my quiz",
    "starving myself to punish me for that grade", "haven't eaten in 3 days. i deserve it.",
    "i just want the pain to stop", "honestly i just want all this pain to end",
    "we watched a video about suicide in class and now i keep thinking about doing it",
]


# Words of danger in their ordinary senses, which leave no evidence to back the model's crisis guess:
# patients who harm themselves, chances hurt, "so dead" over grades, goodbyes said on leaving a unit,
# a life at a job.
ORDINARY_EVIDENCE = [
    "Is it hard being a nurse when patients hurt themselves? asking bc i want to work in the ER",
    "do residents who harm themselves get moved to a different unit",
    "Does it hurt my chances if i apply to two programs at once?", "will a gap year hurt my application",
    "im so dead lol my boss saw me on my phone", "we're so dead lol the manager found out about the schedule",
    "how do i say goodbye to my patients when i transfer units", "saying my goodbyes to my coworkers friday",
    "tired of life as a cashier, what entry level jobs are there",
]


@pytest.mark.parametrize("text", ORDINARY_EVIDENCE)
def test_ordinary_senses_leave_no_evidence(text):
    assert CrisisKeywordClassifier.evidence(text) is None


@pytest.mark.parametrize("text", ["im so dead inside lol", "how do i say goodbye to my kids",
                                  "is it hard when patients harm themselves, i also hurt myself sometimes"])
def test_the_same_words_said_of_oneself_stay_evidence(text):
    assert CrisisKeywordClassifier.evidence(text) is not None


@pytest.fixture(scope="module")
def net():
    return CrisisKeywordClassifier(CrisisKeywordClassifier.get_default_config())


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_talk_gets_neither_the_crisis_answer_nor_a_check_in(net, text):
    assert net.statement(text) is None
    assert CrisisKeywordClassifier.hint(text) is None


@pytest.mark.parametrize("text", HINTED)
def test_hints_of_danger_get_a_check_in(text):
    assert CrisisKeywordClassifier.hint(text) is not None


@pytest.mark.parametrize("text", MEANS)
def test_means_used_on_oneself_are_plain_statements(net, text):
    assert net.statement(text) is not None


def decide(net, text, intent):
    message = Message(data={TEXT: text, INTENT: {"name": intent, "confidence": 0.9},
                            INTENT_RANKING_KEY: [{"name": intent, "confidence": 0.9}]})
    return net.process([message])[0]


def levels(message):
    return [e["value"] for e in message.get(ENTITIES) or [] if e["entity"] == "crisis_level"]


def test_a_hint_is_crisis_marked_as_a_check_in_whatever_the_model_guessed(net):
    message = decide(net, "if something happens to me who gets my last paycheck", "find_jobs")
    assert message.get(INTENT)["name"] == "crisis" and levels(message) == ["check_in"]
    assert message.get("crisis_check")["by"] == "hint"


def test_danger_said_is_marked_as_danger_and_ordinary_talk_is_not_marked(net):
    message = decide(net, "im going to hang myself tonight", "find_jobs")
    assert message.get(INTENT)["name"] == "crisis" and levels(message) == ["danger"]
    message = decide(net, "shot myself in the foot on that interview lol", "find_jobs")
    assert message.get(INTENT)["name"] == "find_jobs" and levels(message) == []


@pytest.mark.parametrize("text", ["yes im safe", "i'm safe now, promise", "yeah i am safe thanks", "Im safe lol"])
def test_saying_one_is_safe_is_a_yes_even_when_the_model_says_crisis(net, text):
    message = decide(net, text, "crisis")
    assert message.get(INTENT)["name"] == "affirm" and levels(message) == []


@pytest.mark.parametrize("text", ["im not safe", "no i'm not safe", "i'm safe but i still want to die",
                                  "yes im safe from him but i have the pills"])
def test_not_safe_or_more_said_is_no_yes(net, text):
    assert decide(net, text, "crisis").get(INTENT)["name"] != "affirm"
