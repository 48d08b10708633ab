import type { CurriculumTemplate } from '../curriculum-module.js';

export const mbct8: CurriculumTemplate = {
  key: 'mbct-8',
  title: 'Mindfulness-Based Cognitive Therapy (8 weeks)',
  description:
    'An eight-week mindfulness-based cognitive therapy group. Members learn to step out of ' +
    'automatic pilot, anchor attention in the body and breath, meet difficult experiences ' +
    'with kindness, relate to thoughts as passing events, and build a personal plan for ' +
    'looking after themselves when mood starts to dip.',
  approach: 'mbct',
  sessionMinutes: 120,
  modules: [
    // Week 1
    {
      title: 'Awareness and automatic pilot',
      goals: [
        'Get to know one another and agree together how the group will work.',
        'Recognise how much of daily life happens on automatic pilot.',
        'Experience paying attention on purpose through eating and the body scan.',
      ],
      agenda: [
        {
          title: 'Welcome, introductions and group agreement',
          minutes: 30,
          facilitatorNotes:
            'Introduce the course and invite each person to say their name and what brought ' +
            'them here, if they wish. Agree together on confidentiality, respect and looking ' +
            'after ourselves during practice.',
        },
        {
          title: 'Raisin exercise',
          minutes: 20,
          facilitatorNotes:
            'Guide the group slowly through exploring and eating a single raisin with all the ' +
            'senses. Follow with a short inquiry into what people noticed.',
        },
        {
          title: 'Automatic pilot',
          minutes: 10,
          facilitatorNotes:
            'Link the raisin experience to everyday life: how often we eat, walk or drive ' +
            'without noticing. Keep this curious and non-judgemental.',
        },
        { title: 'Break', minutes: 10 },
        {
          title: 'Body scan',
          minutes: 30,
          facilitatorNotes:
            'Lead a body scan lying down or seated, inviting people to choose the posture that ' +
            'suits them. Mention that drifting off or feeling restless is common and fine.',
        },
        {
          title: 'Inquiry after the body scan',
          minutes: 10,
          facilitatorNotes:
            'Ask what people noticed, rather than whether they did it right. Reflect back ' +
            'observations with warmth and curiosity.',
        },
        {
          title: 'Home practice and closing',
          minutes: 10,
          facilitatorNotes:
            'Introduce daily body scan practice and one routine activity to do mindfully. ' +
            'Help people think about when and where practice could fit in.',
        },
      ],
      materials: [
        {
          title: 'Automatic pilot',
          text:
            'Much of the time our minds are elsewhere: planning, remembering or worrying, while ' +
            'the body carries on with whatever we are doing. This automatic pilot is useful, ' +
            'but it also means that old habits of thinking can take over without our noticing, ' +
            'and low mood can build up before we realise what is happening.\n\n' +
            'Mindfulness means paying attention, on purpose, to what is happening right now, ' +
            'with curiosity and kindness. With practice, we become more able to notice where ' +
            'our attention is and to choose where to place it.',
        },
      ],
      exercises: [
        {
          title: 'Eating one raisin mindfully',
          instructions:
            'Hold a raisin as if you have never seen one before. Look at it closely, feel its ' +
            'texture, notice any smell, and pay attention as you place it in your mouth. Chew ' +
            'slowly, noticing the taste and the urge to swallow, and follow it as far as you ' +
            'can.',
          minutes: 10,
        },
        {
          title: 'Body scan',
          instructions:
            'Lie down or sit comfortably and bring attention to the breath for a few moments. ' +
            'Then move your attention slowly through the body, from the toes to the top of the ' +
            'head, noticing whatever sensations are present. When the mind wanders, gently ' +
            'bring it back to the part of the body you were exploring.',
          minutes: 30,
        },
      ],
      homework: [
        'Practise the body scan with the recording on six days this week.',
        'Choose one routine activity, such as brushing your teeth or showering, and do it with full attention each day.',
      ],
    },
    // Week 2
    {
      title: 'Living in our heads',
      goals: [
        'Notice how the mind reacts to and interprets what happens.',
        'Explore barriers to home practice with patience and kindness.',
        'Begin to see how interpretations shape feelings.',
      ],
      agenda: [
        {
          title: 'Body scan',
          minutes: 30,
          facilitatorNotes:
            'Begin with a body scan. Encourage people to simply notice when the mind wanders ' +
            'and to return without criticising themselves.',
        },
        {
          title: 'Inquiry and home practice review',
          minutes: 20,
          facilitatorNotes:
            'Explore what got in the way of practice this week, such as boredom, sleepiness or ' +
            'a sense of doing it wrong. Treat these barriers as useful material, not failures.',
        },
        {
          title: 'Thoughts and feelings exercise',
          minutes: 20,
          facilitatorNotes:
            'Guide a short imagined scene where an acquaintance walks past without responding. ' +
            'Gather the range of thoughts and feelings in the room to show how interpretations ' +
            'differ.',
        },
        { title: 'Break', minutes: 10 },
        {
          title: 'Noticing pleasant experiences',
          minutes: 15,
          facilitatorNotes:
            'Introduce the pleasant events calendar. Explain that we note sensations, thoughts ' +
            'and feelings during a pleasant moment, not just the event itself.',
        },
        {
          title: 'Mindfulness of the breath',
          minutes: 15,
          facilitatorNotes:
            'Lead a short sitting practice focusing on the breath. Keep instructions simple ' +
            'and spacious.',
        },
        {
          title: 'Home practice and closing',
          minutes: 10,
          facilitatorNotes:
            "Set up the week's practice, including a short daily sitting. Close with a brief " +
            'moment of quiet.',
        },
      ],
      materials: [
        {
          title: 'The mind as interpreter',
          text:
            'Our minds are constantly making sense of what happens, and we often react more to ' +
            'our interpretation than to the event itself. The same situation can bring up very ' +
            'different feelings depending on the mood we are in and the story the mind tells.\n\n' +
            'It is common to find the practice frustrating at first, or to feel we are doing ' +
            'it wrong. There is no right way to feel during practice; the task is simply to ' +
            'notice what is here and return, again and again, with kindness.',
        },
      ],
      exercises: [
        {
          title: 'Pleasant events calendar',
          instructions:
            'Once a day, notice a pleasant moment, however small, while it is happening. ' +
            'Afterwards, write down what happened, what you felt in your body, your mood and ' +
            'any thoughts that were present. Notice the details rather than judging the event.',
        },
        {
          title: 'Ten minutes with the breath',
          instructions:
            'Sit in an upright, comfortable position and rest your attention on the sensations ' +
            'of breathing, wherever you feel them most clearly. When you notice the mind has ' +
            'wandered, note briefly where it went and gently return to the breath.',
          minutes: 10,
        },
      ],
      homework: [
        'Continue the body scan on six days this week.',
        'Practise mindfulness of the breath for ten minutes on six days.',
        'Fill in the pleasant events calendar once a day.',
      ],
    },
    // Week 3
    {
      title: 'Gathering the scattered mind',
      goals: [
        'Use the breath and body as anchors to gather attention.',
        'Experience mindful movement and walking.',
        'Learn the three-minute breathing space.',
      ],
      agenda: [
        {
          title: 'Mindful movement',
          minutes: 30,
          facilitatorNotes:
            'Lead gentle stretches, inviting people to respect their own limits and skip or ' +
            'adapt any movement. Attention rests on sensations rather than on how far we go.',
        },
        {
          title: 'Inquiry',
          minutes: 10,
          facilitatorNotes:
            'Explore what people noticed about the body, including any urge to push or to ' +
            'hold back.',
        },
        {
          title: 'Home practice review',
          minutes: 15,
          facilitatorNotes:
            'Look at the pleasant events calendars together. Draw out how pleasant moments ' +
            'show up in the body and how easily they pass unnoticed.',
        },
        { title: 'Break', minutes: 10 },
        {
          title: 'Mindful walking',
          minutes: 10,
          facilitatorNotes:
            'Guide slow walking with attention on the soles of the feet and the movement of ' +
            'the legs. Offer a seated alternative for anyone who prefers it.',
        },
        {
          title: 'Sitting with breath and body',
          minutes: 20,
          facilitatorNotes:
            'Lead a sitting practice moving from the breath to the body as a whole. Remind ' +
            'people that wandering is what minds do.',
        },
        {
          title: 'Three-minute breathing space',
          minutes: 15,
          facilitatorNotes:
            'Teach the three steps: acknowledging what is here, gathering attention on the ' +
            'breath, and widening to the whole body. Practise it and invite brief reflections.',
        },
        {
          title: 'Home practice and closing',
          minutes: 10,
          facilitatorNotes:
            'Introduce the unpleasant events calendar and the breathing space three times a ' +
            'day. Close with a breathing space.',
        },
      ],
      materials: [
        {
          title: 'Coming back to the body',
          text:
            'When the mind is busy and scattered, the body and the breath offer a place to ' +
            'come back to. They are always here, in the present moment, and tuning into them ' +
            'can help us step out of spirals of thinking.\n\n' +
            'Mindful movement and walking bring the same attention to the body in motion. ' +
            'They can be especially helpful on days when sitting still feels difficult.',
        },
        {
          title: 'The three-minute breathing space',
          text:
            'The breathing space is a short practice you can use at any time. First, notice ' +
            'what is here: thoughts, feelings and body sensations. Second, gather your attention ' +
            'onto the breath. Third, widen your attention to include the whole body. It works ' +
            'like an hourglass: wide, then narrow, then wide again.',
        },
      ],
      exercises: [
        {
          title: 'Three-minute breathing space',
          instructions:
            'Sit upright and bring yourself into the present. Spend about a minute noticing ' +
            'your thoughts, feelings and body sensations without trying to change them. Then ' +
            'spend a minute focusing on the breath, and finally let awareness expand to the ' +
            'whole body for another minute.',
          minutes: 3,
        },
        {
          title: 'Unpleasant events calendar',
          instructions:
            'Once a day, notice an unpleasant moment while it is happening. Afterwards, write ' +
            'down what happened, what you felt in your body, your mood and your thoughts. Be ' +
            'curious about how the body responds when things are unpleasant.',
        },
      ],
      homework: [
        'Alternate mindful movement and the sitting practice on six days this week.',
        'Take a three-minute breathing space three times a day at set times.',
        'Fill in the unpleasant events calendar once a day.',
      ],
    },
    // Week 4
    {
      title: 'Recognising aversion',
      goals: [
        'Notice how we push away what is unpleasant and cling to what is pleasant.',
        'Understand how struggling against low mood can keep it going.',
        'Use the breathing space when things feel difficult.',
      ],
      agenda: [
        {
          title: 'Mindful seeing or hearing',
          minutes: 10,
          facilitatorNotes:
            'Open with a few minutes of simply looking or listening, noticing the urge to ' +
            'label or judge what we see or hear.',
        },
        {
          title: 'Sitting practice: breath, body, sounds and thoughts',
          minutes: 30,
          facilitatorNotes:
            'Lead an extended sitting practice. Invite people to notice reactions of liking ' +
            'and disliking as they arise.',
        },
        {
          title: 'Inquiry and home practice review',
          minutes: 20,
          facilitatorNotes:
            'Use the unpleasant events calendars to explore how aversion shows up in the body ' +
            'and mind. Look for the tightening or bracing that often comes first.',
        },
        { title: 'Break', minutes: 10 },
        {
          title: 'How low mood takes hold',
          minutes: 20,
          facilitatorNotes:
            'Describe common features of depression and how trying to think our way out can ' +
            'pull us further in. Keep the focus on shared patterns rather than diagnosis.',
        },
        {
          title: 'Breathing space in difficult moments',
          minutes: 15,
          facilitatorNotes:
            'Introduce using the breathing space whenever difficulty arises, as well as at set ' +
            'times. Practise it together.',
        },
        {
          title: 'Home practice and closing',
          minutes: 15,
          facilitatorNotes:
            "Set up the week's practice and answer questions. Close with a short breathing " +
            'space.',
        },
      ],
      materials: [
        {
          title: 'Aversion',
          text:
            'When something is unpleasant, it is natural to want it gone. We may tense up, ' +
            'distract ourselves, or go over and over a problem trying to fix it. Often this ' +
            'struggle adds a second layer of distress on top of the first.\n\n' +
            'Low mood can be particularly sticky in this way: trying hard to think our way out ' +
            'of it can feed more of the same thoughts. Learning to recognise aversion, often ' +
            'first as a tightening in the body, gives us a chance to respond differently.',
        },
      ],
      exercises: [
        {
          title: 'Breathing space when things are hard',
          instructions:
            'Whenever you notice unpleasant feelings, take a breathing space. Acknowledge what ' +
            'is here, including any urge to push it away, gather your attention on the breath, ' +
            'and then widen it to the whole body. Afterwards, notice what options you have.',
          minutes: 3,
        },
      ],
      homework: [
        'Practise the sitting meditation on six days this week.',
        'Take a breathing space three times a day, and whenever you notice unpleasant feelings.',
      ],
    },
    // Week 5
    {
      title: 'Allowing and letting be',
      goals: [
        'Practise allowing experiences to be as they are, rather than fighting them.',
        'Explore turning gently towards difficulty through the body.',
        'See acceptance as a starting point for wise action, not as giving up.',
      ],
      agenda: [
        {
          title: 'Sitting practice: working with difficulty',
          minutes: 35,
          facilitatorNotes:
            'After settling with breath, body, sounds and thoughts, invite people to bring a ' +
            'mild difficulty to mind and notice where it shows up in the body. Make it clear ' +
            'they can return to the breath at any point.',
        },
        {
          title: 'Inquiry',
          minutes: 15,
          facilitatorNotes:
            'Explore what it was like to turn towards difficulty. Honour any choice to step ' +
            'back, which is itself a way of caring for oneself.',
        },
        {
          title: 'Home practice review',
          minutes: 15,
          facilitatorNotes:
            'Ask how the breathing space has gone in difficult moments. Notice and appreciate ' +
            'small shifts.',
        },
        { title: 'Break', minutes: 10 },
        {
          title: 'Allowing is not resignation',
          minutes: 15,
          facilitatorNotes:
            'Discuss the difference between accepting what is already here and giving up. You ' +
            'may share a short poem or reading about welcoming all experiences.',
        },
        {
          title: 'Breathing space with a difficulty',
          minutes: 15,
          facilitatorNotes:
            'Practise a breathing space that includes noticing and softening around difficult ' +
            'sensations. Keep the tone gentle.',
        },
        {
          title: 'Home practice and closing',
          minutes: 15,
          facilitatorNotes:
            'Set up the practice for the week and check in on how people are feeling before ' +
            'they leave.',
        },
      ],
      materials: [
        {
          title: 'Letting things be',
          text:
            'Allowing means letting an experience be here, for now, without immediately trying ' +
            'to fix it or make it go away. It is not the same as liking it, agreeing with it or ' +
            'giving up. It simply means acknowledging what is already present.\n\n' +
            'Turning towards a difficulty with curiosity, often by noticing where it lives in ' +
            'the body, can loosen its grip. From this steadier place, it becomes easier to ' +
            'decide what, if anything, needs to be done.',
        },
      ],
      exercises: [
        {
          title: 'Exploring a difficulty through the body',
          instructions:
            'Once settled in your sitting practice, bring to mind a small, current difficulty. ' +
            'Notice where you feel it in the body and let your attention rest there, breathing ' +
            'with the sensations. You might say to yourself, "it is okay to feel this". If it ' +
            'becomes too much, return to the breath.',
          minutes: 20,
        },
      ],
      homework: [
        'Practise the sitting meditation that includes working with difficulty on six days.',
        'Take a breathing space three times a day, and whenever you notice unpleasant feelings.',
      ],
    },
    // Week 6
    {
      title: 'Thoughts are not facts',
      goals: [
        'Relate to thoughts as passing mental events rather than truths.',
        'Notice how mood colours the thoughts we have.',
        'Begin preparing for the end of the course.',
      ],
      agenda: [
        {
          title: 'Sitting practice: noticing thoughts',
          minutes: 30,
          facilitatorNotes:
            'Lead a sitting practice that ends with attention on thoughts themselves, watching ' +
            'them come and go like clouds or sounds.',
        },
        {
          title: 'Inquiry and home practice review',
          minutes: 20,
          facilitatorNotes:
            'Explore what people notice about their thoughts during practice and in difficult ' +
            'moments during the week.',
        },
        {
          title: 'Moods, thoughts and other viewpoints',
          minutes: 20,
          facilitatorNotes:
            'Present a short scenario and ask people to imagine it first in a low mood, then ' +
            'in a good mood. Draw out how the same event brings very different thoughts.',
        },
        { title: 'Break', minutes: 10 },
        {
          title: 'Ways of stepping back from thoughts',
          minutes: 15,
          facilitatorNotes:
            'Offer a few options, such as writing thoughts down, labelling them or asking ' +
            'whether tiredness or mood is shaping them. Keep the tone exploratory.',
        },
        {
          title: 'Breathing space as a first step',
          minutes: 10,
          facilitatorNotes:
            'Practise a breathing space and then invite people to look at a troubling thought ' +
            'from a wider perspective.',
        },
        {
          title: 'Preparing for the ending and home practice',
          minutes: 15,
          facilitatorNotes:
            'Name that two sessions remain. Invite people to start thinking about how they ' +
            'want to continue practising after the course.',
        },
      ],
      materials: [
        {
          title: 'Thoughts are not facts',
          text:
            'Thoughts can feel like accurate reports of reality, especially when we are low. ' +
            'Yet they are mental events that come and go, and they are heavily coloured by our ' +
            'mood, energy and circumstances. The same situation can bring very different ' +
            'thoughts on a good day and on a bad one.\n\n' +
            'Seeing thoughts as thoughts does not mean ignoring them. It means giving ourselves ' +
            'a little space to notice them, check them against our wider experience and choose ' +
            'how to respond.',
        },
      ],
      exercises: [
        {
          title: 'Watching thoughts come and go',
          instructions:
            'After settling with the breath, turn your attention to thoughts as they arise. ' +
            'Imagine them as clouds passing across the sky or words on a screen moving by. ' +
            'Notice each one, let it go, and return to watching. If you get caught up in a ' +
            'thought, gently come back to the breath.',
          minutes: 10,
        },
        {
          title: 'Questions for a troubling thought',
          instructions:
            'When a thought feels heavy, write it down. Ask yourself: am I confusing a thought ' +
            'with a fact? Is my mood or tiredness shaping this? Is there another way to see it? ' +
            'Notice any shift in how tightly you hold the thought.',
        },
      ],
      homework: [
        'Practise for at least 40 minutes a day, choosing from the practices so far.',
        'Take a breathing space three times a day, and when you notice troubling thoughts.',
        'Begin noticing your own early signs that mood may be dipping.',
      ],
    },
    // Week 7
    {
      title: 'How can I best take care of myself?',
      goals: [
        'Notice the link between daily activities and mood.',
        'Identify nourishing and depleting activities in daily life.',
        'Recognise a personal relapse signature and plan how to respond.',
      ],
      agenda: [
        {
          title: 'Sitting practice',
          minutes: 30,
          facilitatorNotes:
            'Lead a sitting practice with awareness of breath, body, sounds and thoughts, ' +
            'followed by open awareness.',
        },
        {
          title: 'Inquiry and home practice review',
          minutes: 15,
          facilitatorNotes:
            "Briefly explore the week's practice and which practices people are drawn to " +
            'continuing.',
        },
        {
          title: 'Nourishing and depleting activities',
          minutes: 20,
          facilitatorNotes:
            'Have people list a typical day and mark each activity as nourishing or ' +
            'depleting. Explore small ways to shift the balance.',
        },
        { title: 'Break', minutes: 10 },
        {
          title: 'Pleasure and mastery when mood is low',
          minutes: 10,
          facilitatorNotes:
            'Explain how activities that bring enjoyment or a sense of achievement can help ' +
            'when mood dips, even if we do not feel like doing them at first.',
        },
        {
          title: 'My relapse signature',
          minutes: 20,
          facilitatorNotes:
            'Help each person name their personal early warning signs, including those others ' +
            'might notice first. Keep the focus practical and hopeful.',
        },
        {
          title: 'Drafting an action plan and home practice',
          minutes: 15,
          facilitatorNotes:
            'Support people to start an action plan linking warning signs to specific ' +
            'responses. Suggest involving someone close to them if that feels right.',
        },
      ],
      materials: [
        {
          title: 'Activity and mood',
          text:
            'What we do each day has a strong effect on how we feel. Some activities nourish ' +
            'us, lifting our energy or helping us feel calm, connected or capable. Others ' +
            'drain us. Noticing this balance lets us make small, deliberate changes.\n\n' +
            'When mood is low, doing something pleasurable or something that gives a sense of ' +
            'achievement can help, even in a small way. It is worth starting before we feel ' +
            'like it, as motivation often follows action.',
        },
        {
          title: 'Your relapse signature',
          text:
            'Each of us has a personal pattern of early signs that mood may be slipping: ' +
            'perhaps changes in sleep, withdrawing from people, or a familiar kind of thought. ' +
            'Knowing your own pattern, and having a plan ready, makes it easier to respond ' +
            'early and kindly rather than waiting until things feel overwhelming.',
        },
      ],
      exercises: [
        {
          title: 'Nourishing and depleting',
          instructions:
            'List the activities of a typical day. Mark each one as nourishing (N) or ' +
            'depleting (D). Then consider how you could include a little more of what nourishes ' +
            'you, or approach a depleting activity differently.',
          minutes: 15,
        },
        {
          title: 'Early warning signs',
          instructions:
            'Write down the signs that have come before low mood in the past: changes in body, ' +
            'thoughts, feelings and behaviour. Add anything the people close to you might ' +
            'notice. Then note one helpful response for each sign.',
          minutes: 15,
        },
      ],
      homework: [
        'Choose a regular pattern of practice you could realistically continue after the course, and follow it this week.',
        'Take a breathing space three times a day, and when you notice difficulty.',
        'Complete your action plan for times when mood starts to dip.',
      ],
    },
    // Week 8
    {
      title: 'Maintaining and extending new learning',
      goals: [
        'Look back over what has been learned during the course.',
        'Finalise a personal action plan and a way of keeping practice going.',
        'Mark the end of the group with care.',
      ],
      agenda: [
        {
          title: 'Body scan',
          minutes: 30,
          facilitatorNotes:
            'Return to the body scan from the first week. Invite people to notice what may ' +
            'have changed in how they approach it.',
        },
        {
          title: 'Inquiry',
          minutes: 10,
          facilitatorNotes:
            'Explore the experience of coming back to the first practice after eight weeks.',
        },
        {
          title: 'Looking back over the course',
          minutes: 25,
          facilitatorNotes:
            'Invite reflections on what people have learned, what has been difficult and what ' +
            'they want to remember. Small pairs can help quieter members share.',
        },
        { title: 'Break', minutes: 10 },
        {
          title: 'Finalising action plans',
          minutes: 20,
          facilitatorNotes:
            'Help each person complete their plan and name a good reason to keep practising. ' +
            'Share information about further support available through your service.',
        },
        {
          title: 'Keeping practice going',
          minutes: 10,
          facilitatorNotes:
            'Discuss realistic daily practice, using the breathing space as a core habit, and ' +
            'ways to restart after a gap without self-criticism.',
        },
        {
          title: 'Closing practice and goodbyes',
          minutes: 15,
          facilitatorNotes:
            'End with a short practice and a closing round where each person can share a word ' +
            'or intention. Thank the group for their commitment.',
        },
      ],
      materials: [
        {
          title: 'Keeping mindfulness alive',
          text:
            'The end of the course is a beginning as well as an ending. The practices you have ' +
            'learned tend to be most helpful when they become part of everyday life, even in ' +
            'small ways. A regular breathing space, a short daily sitting or an occasional body ' +
            'scan can all keep the thread going.\n\n' +
            'It is normal for practice to lapse from time to time. When you notice it has, you ' +
            'can simply begin again, with the same kindness you have been learning to bring to ' +
            'everything else.',
        },
      ],
      exercises: [
        {
          title: 'My action plan',
          instructions:
            'Write down your early warning signs and, for each, a response you can take: a ' +
            'breathing space, a nourishing activity, reaching out to someone, or seeking ' +
            'further support. Add a personal reason for continuing to practise, and keep the ' +
            'plan somewhere you will see it.',
          minutes: 15,
        },
      ],
      homework: [
        'Keep a regular practice going that fits your life, and start again kindly whenever it lapses.',
        'Use the three-minute breathing space whenever you need to step out of automatic pilot.',
        'Look over your action plan from time to time and update it as you learn more about yourself.',
      ],
    },
  ],
};
